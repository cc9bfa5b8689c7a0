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
            for finding in entry.findings {
                out += "          \(finding.kind == .leak ? "known leak" : finding.kind.rawValue) \(finding.id) (\(finding.severity.rawValue)): \(finding.summary)"
                out += finding.fixed.map { ", fixed in \($0)" } ?? ", no fix known"
                out += "\n"
            }
            if let upgrade = entry.upgrade, let to = upgrade.to { out += "          upgrade \(upgrade.package) \(upgrade.from) -> \(to)\n" }
            for function in share.functions.prefix(report.topFunctions) {
                out += "          \(String(function.value).padding(toLength: 10, withPad: " ", startingAt: 0)) \(function.name)\n"
            }
        }
        return out
    }

    /// `count` → `objects`, the rest as the profile says.
    static func unit(_ unit: String) -> String { unit == "count" ? "objects" : unit }
}
