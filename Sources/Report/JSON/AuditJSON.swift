import Audit
import Core
import Manifest

/// `depwatch.audit/1`: the stable JSON form every other rendering derives from (schema in
/// `schemas/depwatch.audit-1.schema.json`). Written straight through a `JSONWriter`, keys in sorted order,
/// the bytes `JSONEncoder` with sorted keys gave (the golden files hold them): the corpus's 3,600 findings
/// through `Encodable` cost as much as the audit.
enum AuditJSON {
    static func render(_ result: AuditResult) -> String {
        String(decoding: bytes(result), as: UTF8.self)
    }

    /// The document's UTF-8 bytes.
    static func bytes(_ result: AuditResult) -> [UInt8] {
        var w = JSONWriter(capacity: result.findings.count * 800 + 4096)
        w.beginObject()
        w.object("database") { w in
            w.field("advisories", result.databaseAdvisories)
            w.field("path", result.databasePath)
        }
        w.array("errors", result.errors) { w, e in problem(e, column: e.column, &w) }
        w.array("findings", concurrently: result.findings) { w, f in FindingJSON.write(f, &w) }
        w.array("manifests", result.manifests) { w, m in
            w.beginObject()
            w.field("dependencies", m.dependencies)
            w.field("ecosystem", m.ecosystem.rawValue)
            w.field("path", m.path)
            w.endObject()
        }
        w.field("schema", AuditResult.schema)
        w.object("summary") { w in
            w.field("dependencies", result.dependencyCount)
            w.field("failing", result.failing.count)
            w.field("findings", result.findings.filter { !$0.ignored }.count)
            w.field("ignored", result.findings.filter(\.ignored).count)
            w.field("manifests", result.manifests.count)
            if result.reachableOnly { w.field("reachable_only", true) }
        }
        w.array("unverifiable", result.unverifiable) { w, u in
            w.beginObject()
            w.field("ecosystem", u.ecosystem.rawValue)
            w.field("line", u.line)
            w.field("manifest", u.manifest)
            w.field("package", u.package)
            w.field("reason", u.reason)
            w.endObject()
        }
        w.array("upgrades", result.upgrades) { w, u in
            w.beginObject()
            w.field("ecosystem", u.ecosystem.rawValue)
            w.field("fixes", u.fixes)
            w.field("from", u.from)
            w.field("manifest", u.manifest)
            w.field("package", u.package)
            w.field("remaining", u.remaining)
            w.field("to", u.to)
            w.endObject()
        }
        w.array("warnings", result.warnings) { w, e in problem(e, column: nil, &w) }
        w.endObject()
        return w.finishBytes()
    }

    /// An error (with its column, `null` when it has none) or a warning (without one).
    private static func problem(_ d: Diagnostic, column: Int?, _ w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("column", column)
        w.field("line", d.line)
        w.field("message", d.message)
        w.field("path", d.path)
        w.endObject()
    }
}
