import Audit
import Core
import Foundation
import Manifest

/// The renderings of a diff.
public enum DiffFormat: String, Sendable, CaseIterable {
    case table, json, markdown, sarif

    /// Renders `result`; the table and Markdown with every control character from outside depwatch escaped
    /// (`TerminalText`).
    public func render(_ result: DiffResult) throws -> String {
        switch self {
        case .table: return TerminalText.escape(DiffTable.render(result), allowingNewlines: true)
        case .json: return DiffJSON.render(result)
        case .markdown: return TerminalText.escape(DiffMarkdown.render(result), allowingNewlines: true)
        case .sarif:
            // Code scanning sees what the change introduces.
            var audit = result.headAudit
            audit.findings = result.manifests.flatMap(\.introduced)
            return try AuditFormat.sarif.render(audit)
        }
    }
}

enum DiffTable {
    static func render(_ r: DiffResult) -> String {
        var out = "\(r.base) (\(r.baseCommit.prefix(12))) → \(r.head.map { "\($0) (\(r.headCommit?.prefix(12) ?? ""))" } ?? "work tree")\n\n"
        for m in r.manifests where m.status != .unchanged || !m.existing.isEmpty {
            out += "\(m.path)  \(m.status.rawValue)" + (m.movedFrom.map { " from \($0)" } ?? "") + "\n"
            for c in m.changes {
                out += "  \(c.kind.rawValue.padding(10)) \(c.package)  \(c.from ?? "")\(c.from != nil && c.to != nil ? " -> " : "")\(c.to ?? "")\n"
            }
            for f in m.introduced { out += "  INTRODUCED \(f.severity.rawValue.uppercased()) \(f.id) \(f.package)@\(f.version): \(f.summary)\(f.ignored ? " (ignored)" : "")\n" }
            for f in m.fixed { out += "  fixed      \(f.id) \(f.package)@\(f.version)\n" }
            if !m.existing.isEmpty { out += "  \(m.existing.count) finding(s) already at the base\n" }
            out += "\n"
        }
        if r.requireVetting, !r.unvetted.isEmpty {
            out += "Not vetted (vetting is required; record a review with depwatch vet PACKAGE@VERSION --reason …)\n"
            for u in r.unvetted { out += "  \(u.package)@\(u.version ?? "?")  (\(u.manifest))\n" }
            out += "\n"
        }
        let introduced = r.manifests.flatMap(\.introduced).count, fixed = r.manifests.flatMap(\.fixed).count
        out += "\(introduced) introduced, \(fixed) fixed, \(r.manifests.flatMap(\.existing).count) already there; "
            + "\(r.failing.count) at or above fail-on \(r.headAudit.failOn.rawValue)\n"
        return out
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

enum DiffMarkdown {
    static func render(_ r: DiffResult) -> String {
        let introduced = r.manifests.flatMap { m in m.introduced.map { (m.path, $0) } }
        var out = "### depwatch diff\n\n"
        if introduced.isEmpty {
            out += "This change introduces no known problem.\n"
        } else {
            out += "**This change introduces \(introduced.count) known problem\(introduced.count == 1 ? "" : "s")** "
                + "(\(r.failing.count) at or above `fail-on \(r.headAudit.failOn.rawValue)`).\n\n"
            out += "| severity | advisory | package | version | fixed in | manifest |\n| --- | --- | --- | --- | --- | --- |\n"
            for (path, f) in introduced {
                out += "| \(f.severity.rawValue) | \(f.url.map { "[\(f.id)](\($0))" } ?? "`\(f.id)`") | `\(f.package)` | \(f.version) | \(f.fixed ?? "no fix known") | `\(path)` |\n"
            }
        }
        if r.requireVetting, !r.unvetted.isEmpty {
            out += "\n**Not vetted**: " + r.unvetted.map { "`\($0.package)@\($0.version ?? "?")`" }.joined(separator: ", ")
                + " — record a review with `depwatch vet PACKAGE@VERSION --reason \"…\"`.\n"
        }
        let fixed = r.manifests.flatMap(\.fixed)
        if !fixed.isEmpty { out += "\nFixes \(fixed.count): " + fixed.map { "`\($0.id)`" }.joined(separator: ", ") + "\n" }
        let changes = r.manifests.flatMap { m in m.changes.map { (m.path, $0) } }
        let existing = r.manifests.flatMap(\.existing)
        if !changes.isEmpty || !existing.isEmpty {
            out += "\n<details><summary>\(changes.count) dependency change(s), \(existing.count) finding(s) already on the base</summary>\n\n"
            for (path, c) in changes { out += "- `\(path)`: \(c.kind.rawValue) `\(c.package)` \(c.from ?? "") → \(c.to ?? "")\n" }
            out += "\n</details>\n"
        }
        return out
    }
}

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
            w.array("existing", m.existing) { w, f in finding(f, &w) }
            w.array("fixed", m.fixed) { w, f in finding(f, &w) }
            w.array("introduced", m.introduced) { w, f in finding(f, &w) }
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

    private static func finding(_ f: Finding, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("aliases", f.aliases)
        w.field("fixed", f.fixed)
        w.field("id", f.id)
        w.field("ignored", f.ignored)
        w.field("kind", f.kind.rawValue)
        w.field("line", f.line)
        w.field("package", f.package)
        w.field("severity", f.severity.rawValue)
        w.field("summary", f.summary)
        w.fieldIfPresent("url", f.url)
        w.field("version", f.version)
        w.endObject()
    }
}
