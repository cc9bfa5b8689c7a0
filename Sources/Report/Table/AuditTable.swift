import Advisories
import Audit
import Core
import Dispatch
import Manifest

/// The audit for people: grouped by manifest, most severe first, the upgrade commands at the end, one
/// summary line. Colour only when asked (on a terminal, without NO_COLOR). Every text that comes from a
/// manifest, a repository or an advisory is shown through `TerminalText` (`safe`).
enum AuditTable {
    static func render(_ result: AuditResult, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = ""
        out.reserveCapacity(result.findings.count * 320 + result.upgrades.count * 200 + 1024)
        // Grouped by index (copying thousands of findings into groups showed in profiles); each
        // manifest's block is rendered on its own core, then joined in manifest order.
        // With --reachable-only, findings whose code is absent from the build get a section of their own.
        let isAbsent = { (index: Int) in result.reachableOnly && result.findings[index].reachability?.level == .absent }
        let byManifest = Dictionary(grouping: result.findings.indices.filter { !isAbsent($0) }, by: { result.findings[$0].manifest })
        let manifests = result.manifests.map(\.path).filter { byManifest[$0] != nil }
        let blocks = manifests.concurrentMap { block($0, findings: byManifest[$0] ?? [], of: result, paint: paint) }
        for block in blocks { out += block }
        let absent = result.findings.indices.filter(isAbsent)
        if !absent.isEmpty {
            out += paint.bold("Not in the build (not counted: --reachable-only)") + "\n"
            out += block(nil, findings: absent, of: result, paint: paint)
        }
        if !result.unverifiable.isEmpty {
            out += paint.bold("Not checked") + "\n"
            for item in result.unverifiable {
                out += "  \(safe(item.package)) (\(safe(item.manifest))\(item.line.map { ":\($0)" } ?? "")): \(safe(item.reason))\n"
            }
            out += "\n"
        }
        let upgrades = result.upgrades
        if !upgrades.isEmpty {
            out += paint.bold("Upgrades") + "\n"
            for upgrade in upgrades {
                let target = upgrade.to ?? "no version clears them"
                out += "  \(safe(upgrade.package)) \(safe(upgrade.from)) -> \(safe(target))"
                if !upgrade.fixes.isEmpty { out += "  fixes \(safe(upgrade.fixes.joined(separator: ", ")))" }
                if !upgrade.remaining.isEmpty { out += "  no fix known: \(safe(upgrade.remaining.joined(separator: ", ")))" }
                out += "\n"
                for command in UpgradeCommands.lines(for: upgrade) { out += "      \(safe(command))\n" }
            }
            out += "\n"
        }
        out += summary(result) + "\n"
        return out
    }

    /// One manifest's findings: a bold heading, then each finding's line, summary and facts. Appended
    /// piece by piece into one string (a corpus audit renders thousands of findings; temporary strings
    /// and arrays per finding showed in profiles).
    private static func block(_ manifest: String?, findings indices: [Int], of result: AuditResult, paint: Paint) -> String {
        var out = manifest.map { paint.bold(safe($0)) + "\n" } ?? ""
        out.reserveCapacity(indices.count * 320 + 64)
        for index in indices {
            let finding = result.findings[index]
            var line = "  " + paint.severity(label(finding.severity), finding.severity.rawValue)
            line += " \(safe(finding.id))  \(safe(finding.package))@\(safe(finding.version))  \(finding.kind.rawValue)"
            if let fixed = finding.fixed { line += "  fixed in " + safe(fixed) } else { line += "  no fix known" }
            if finding.ignored { line = paint.dim(line + "  (ignored: \(safe(finding.ignoreReason ?? "")))") }
            out += line
            out += "\n           "
            out += safe(finding.summary)
            out += "\n"
            var separator = "           "
            func fact(_ text: String) {
                out += separator
                out += safe(text)
                separator = " · "
            }
            if let where_ = finding.line { fact((finding.file ?? finding.manifest) + ":" + String(where_)) }
            if !finding.aliases.isEmpty { fact("aliases " + finding.aliases.joined(separator: ", ")) }
            if finding.confidence == .low { fact("low confidence: " + (finding.confidenceReason ?? "")) }
            if manifest == nil { fact(finding.manifest) }
            if let reachability = finding.reachability { fact("reachability \(reachability.level.rawValue): \(reachability.reason)") }
            if let url = finding.url { fact(url) }
            if separator != "           " { out += "\n" }
        }
        return out + "\n"
    }

    /// Text from outside depwatch, its control characters escaped.
    static func safe(_ text: String) -> String { TerminalText.escape(text) }

    /// The severity column: upper-case, padded to 8.
    private static func label(_ severity: Severity) -> String {
        switch severity {
        case .critical: "CRITICAL"
        case .high: "HIGH    "
        case .medium: "MEDIUM  "
        case .low: "LOW     "
        case .unknown: "UNKNOWN "
        }
    }

    static func summary(_ r: AuditResult) -> String {
        let open = r.findings.filter { !$0.ignored }.count
        let ignored = r.findings.count - open
        var parts = ["\(r.manifests.count) manifest\(r.manifests.count == 1 ? "" : "s")",
                     "\(r.dependencyCount) dependencies",
                     "\(open) finding\(open == 1 ? "" : "s")"]
        if ignored > 0 { parts.append("\(ignored) ignored") }
        if !r.unverifiable.isEmpty { parts.append("\(r.unverifiable.count) not checked") }
        parts.append("\(r.failing.count) at or above fail-on \(r.failOn.rawValue)")
        return parts.joined(separator: ", ") + " (\(r.databaseAdvisories) advisor\(r.databaseAdvisories == 1 ? "y" : "ies"))"
    }
}

/// ANSI styling, or none.
struct Paint {
    let enabled: Bool

    func bold(_ s: String) -> String { enabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { enabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func severity(_ s: String, _ level: String) -> String {
        guard enabled else { return s }
        let code = ["critical": "1;31", "high": "31", "medium": "33", "low": "36"][level] ?? "37"
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
