import Manifest
import Audit
import Foundation

/// The renderings of a diff.
public enum DiffFormat: String, Sendable, CaseIterable {
    case table, json, markdown, sarif

    /// Renders `result`; the table and Markdown with every control character from outside depwatch escaped
    /// (`TerminalText`).
    public func render(_ result: DiffResult) throws -> String {
        switch self {
        case .table: return TerminalText.escape(DiffTable.render(result), allowingNewlines: true)
        case .json: return try DiffJSON.render(result)
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

enum DiffJSON {
    static func render(_ r: DiffResult) throws -> String {
        func value(_ text: String?) -> Any { text.map { $0 as Any } ?? NSNull() }
        func finding(_ f: Finding) -> [String: Any] {
            var object: [String: Any] = ["id": f.id, "aliases": f.aliases, "kind": f.kind, "severity": f.severity.rawValue,
                                         "summary": f.summary, "package": f.package, "version": f.version,
                                         "fixed": value(f.fixed), "ignored": f.ignored, "line": f.line.map { $0 as Any } ?? NSNull()]
            if let url = f.url { object["url"] = url }
            return object
        }
        let manifests: [[String: Any]] = r.manifests.map { m in
            ["path": m.path, "moved_from": value(m.movedFrom), "status": m.status.rawValue,
             "changes": m.changes.map { ["kind": $0.kind.rawValue, "package": $0.package, "from": value($0.from), "to": value($0.to)] },
             "introduced": m.introduced.map(finding), "fixed": m.fixed.map(finding), "existing": m.existing.map(finding)]
        }
        let document: [String: Any] = [
            "schema": DiffResult.schema,
            "base": ["revision": r.base, "commit": r.baseCommit],
            "head": ["revision": value(r.head), "commit": value(r.headCommit)],
            "manifests": manifests,
            "require_vetting": r.requireVetting,
            "unvetted": r.unvetted.map { ["manifest": $0.manifest, "package": $0.package, "version": value($0.version)] },
            "summary": ["introduced": r.manifests.flatMap(\.introduced).count, "fixed": r.manifests.flatMap(\.fixed).count,
                        "existing": r.manifests.flatMap(\.existing).count, "failing": r.failing.count,
                        "fail_on": r.headAudit.failOn.rawValue],
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
