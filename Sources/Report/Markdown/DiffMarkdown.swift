import Diff

/// `depwatch diff` as a pull-request comment: what the change introduces, vetting, fixes, the changes folded away.
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
