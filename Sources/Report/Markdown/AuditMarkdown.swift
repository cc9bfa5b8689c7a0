import Audit

/// The audit as a pull-request comment: a short table of findings, the upgrades, details folded away.
enum AuditMarkdown {
    static func render(_ result: AuditResult) -> String {
        let open = result.findings.filter { !$0.ignored }
        var out = "### depwatch audit\n\n"
        if open.isEmpty {
            out += "No findings in \(result.dependencyCount) dependencies of \(result.manifests.count) manifest(s).\n"
        } else {
            out += "**\(open.count) finding\(open.count == 1 ? "" : "s")** in \(result.dependencyCount) dependencies"
            out += " (\(result.failing.count) at or above `fail-on \(result.failOn.rawValue)`).\n\n"
            // A reachability column when any finding has one (binaries, audit --packages).
            let reachable = open.contains { $0.reachability != nil }
            out += "| severity | advisory | package | pinned | fixed in | kind | manifest |" + (reachable ? " reachability |" : "") + "\n"
            out += "| --- | --- | --- | --- | --- | --- | --- |" + (reachable ? " --- |" : "") + "\n"
            for f in open {
                let id = f.url.map { "[\(f.id)](\($0))" } ?? "`\(f.id)`"
                let location = "`\(f.manifest)\(f.line.map { ":\($0)" } ?? "")`"
                out += "| \(f.severity.rawValue) | \(id) | `\(f.package)` | \(f.version) | \(f.fixed ?? "no fix known") | \(f.kind) | \(location) |"
                if reachable { out += " \(f.reachability?.level.rawValue ?? "—") |" }
                out += "\n"
            }
        }
        let upgrades = result.upgrades.filter { $0.to != nil || !$0.remaining.isEmpty }
        if !upgrades.isEmpty {
            out += "\n**Upgrades**\n\n"
            for u in upgrades {
                out += "- `\(u.package)` \(u.from) → " + (u.to.map { "**\($0)**" } ?? "no version clears them")
                if !u.fixes.isEmpty { out += " (fixes \(u.fixes.joined(separator: ", ")))" }
                if !u.remaining.isEmpty { out += "; no fix known: \(u.remaining.joined(separator: ", "))" }
                out += "\n"
            }
        }
        if !open.isEmpty {
            out += "\n<details><summary>Details</summary>\n\n"
            for f in open {
                out += "- **\(f.id)** \(f.summary)"
                if !f.aliases.isEmpty { out += " (\(f.aliases.joined(separator: ", ")))" }
                if f.confidence == .low { out += " — low confidence: \(f.confidenceReason ?? "")" }
                if let reachability = f.reachability { out += " — reachability \(reachability.level.rawValue): \(reachability.reason)" }
                out += "\n"
            }
            out += "\n</details>\n"
        }
        let ignored = result.findings.filter(\.ignored)
        let extra = [ignored.isEmpty ? nil : "\(ignored.count) ignored by policy",
                     result.unverifiable.isEmpty ? nil : "\(result.unverifiable.count) dependencies not checked"].compactMap { $0 }
        if !extra.isEmpty { out += "\n" + extra.joined(separator: " · ") + "\n" }
        return out
    }
}
