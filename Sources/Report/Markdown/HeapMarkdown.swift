import Audit
import Foundation
import Heap

/// `depwatch heap` as Markdown, for an incident channel or an issue: a table of holders, then the
/// advisories and upgrades beside them.
enum HeapMarkdown {
    static func render(_ report: HeapReport) -> String {
        let a = report.attribution
        var out = "### depwatch heap: `\(report.profile)`\n\n"
        out += "`\(a.sample.type)`, \(a.view.rawValue) view: \(a.total) \(HeapTable.unit(a.sample.unit))"
        if let paired = a.pairedSample { out += ", \(a.pairedTotal) \(HeapTable.unit(paired.unit))" }
        out += ".\n\n| share | module | version | \(HeapTable.unit(a.sample.unit)) | top function | known problems |\n"
        out += "| --- | --- | --- | --- | --- | --- |\n"
        for entry in report.entries {
            let share = entry.share
            let problems = HeapMarkdown.problems(entry.findings)
            out += String(format: "| %.2f %% ", report.percent(share.value))
            out += "| `\(share.holder.name)` | \(HeapReport.built(share.holder) ?? "") | \(share.value) | "
            out += (share.functions.first.map { "`\($0.name)`" } ?? "") + " | " + problems.joined(separator: ", ") + " |\n"
        }
        let upgrades = report.entries.compactMap(\.upgrade).filter { $0.to != nil }
        if !upgrades.isEmpty {
            out += "\n**Upgrades**: " + upgrades.map { "`\($0.package)` \($0.from) → **\($0.to ?? "")**" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A holder's advisories in a cell: every leak and reliability advisory, the first security ones,
    /// then how many more.
    static func problems(_ findings: [Finding]) -> [String] {
        let security = findings.filter { $0.kind == .security }
        var cells = findings.filter { $0.kind != .security } + security.prefix(HeapTable.securityShown)
        cells.sort(by: AdvisoriesBeside.order)
        var words = cells.map { "\($0.kind.rawValue) `\($0.id)`" + ($0.fixed.map { " (fixed in \($0))" } ?? "") }
        if security.count > HeapTable.securityShown { words.append("\(security.count - HeapTable.securityShown) more security") }
        return words
    }
}
