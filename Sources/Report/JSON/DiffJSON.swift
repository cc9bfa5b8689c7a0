import Audit
import Core
import Diff

/// `depwatch.diff/1`, written through a `JSONWriter` in sorted key order (the bytes
/// `JSONSerialization` with sorted keys gave).
enum DiffJSON {
    static func render(_ r: DiffResult) -> String {
        var w = JSONWriter(capacity: 1 << 16)
        w.beginObject()
        w.object("base") { w in
            w.field("commit", r.baseCommit)
            w.field("revision", r.base)
        }
        w.object("head") { w in
            w.field("commit", r.headCommit)
            w.field("revision", r.head)
        }
        w.array("manifests", r.manifests) { w, m in
            w.beginObject()
            w.array("changes", m.changes) { w, c in
                w.beginObject()
                w.field("from", c.from)
                w.field("kind", c.kind.rawValue)
                w.field("package", c.package)
                w.field("to", c.to)
                w.endObject()
            }
            w.array("existing", m.existing) { w, f in FindingJSON.write(f, brief: true, &w) }
            w.array("fixed", m.fixed) { w, f in FindingJSON.write(f, brief: true, &w) }
            w.array("introduced", m.introduced) { w, f in FindingJSON.write(f, brief: true, &w) }
            w.field("moved_from", m.movedFrom)
            w.field("path", m.path)
            w.field("status", m.status.rawValue)
            w.endObject()
        }
        w.field("require_vetting", r.requireVetting)
        w.field("schema", DiffResult.schema)
        w.object("summary") { w in
            w.field("existing", r.manifests.flatMap(\.existing).count)
            w.field("fail_on", r.headAudit.failOn.rawValue)
            w.field("failing", r.failing.count)
            w.field("fixed", r.manifests.flatMap(\.fixed).count)
            w.field("introduced", r.manifests.flatMap(\.introduced).count)
        }
        w.array("unvetted", r.unvetted) { w, u in
            w.beginObject()
            w.field("manifest", u.manifest)
            w.field("package", u.package)
            w.field("version", u.version)
            w.endObject()
        }
        w.endObject()
        return w.finish()
    }
}
