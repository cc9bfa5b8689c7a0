import Audit
import Foundation
import Heap

/// `depwatch heap` for people: the profile's totals, then each holder with its share, the advisories
/// beside it and the upgrade, and its largest functions.
enum HeapTable {
    static func render(_ report: HeapReport) -> String {
        let a = report.attribution
        var out = "\(report.profile): \(a.sample.type) (\(a.view.rawValue) view): \(a.total) \(unit(a.sample.unit))"
        if let paired = a.pairedSample { out += ", \(a.pairedTotal) \(unit(paired.unit))" }
        out += "\n\n"
        for entry in report.entries {
            let share = entry.share
            out += String(format: "%6.2f %%  ", report.percent(share.value)) + share.holder.name
            if let built = HeapReport.built(share.holder) { out += " " + built }
            out += "  \(share.value) \(unit(a.sample.unit))"
            if let paired = a.pairedSample { out += ", \(share.paired) \(unit(paired.unit))" }
            out += "\n"
            out += findings(entry.findings)
            if let upgrade = entry.upgrade, let to = upgrade.to { out += "          upgrade \(upgrade.package) \(upgrade.from) -> \(to)\n" }
            for function in share.functions.prefix(report.topFunctions) {
                out += "          \(String(function.value).padding(toLength: 10, withPad: " ", startingAt: 0)) \(function.name)\n"
            }
        }
        return out
    }

    /// How many advisories of kind `security` a holder lists before "and N more": the standard library
    /// of an old toolchain has dozens, none of them about the heap. Every leak, crash, performance and
    /// correctness advisory is listed.
    static let securityShown = 3

    /// The advisory lines of one holder (leaks first, as the report orders them).
    static func findings(_ findings: [Finding]) -> String {
        var out = "", security = 0
        for finding in findings {
            if finding.kind == .security {
                security += 1
                if security > securityShown { continue }
            }
            out += "          \(finding.kind == .leak ? "known leak" : finding.kind.rawValue) \(finding.id) (\(finding.severity.rawValue)): \(finding.summary)"
            out += (finding.fixed.map { ", fixed in \($0)" } ?? ", no fix known") + "\n"
        }
        if security > securityShown { out += "          and \(security - securityShown) more security advisories (depwatch audit lists them)\n" }
        return out
    }

    /// `count` → `objects`, the rest as the profile says.
    static func unit(_ unit: String) -> String { unit == "count" ? "objects" : unit }
}
