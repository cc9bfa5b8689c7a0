import Foundation
import Heap

/// `depwatch heap diff` for people: the totals at each snapshot, then each holder's growth (flagged when
/// it grew in every step), the advisories and upgrade beside it, and its most grown functions.
enum HeapGrowthTable {
    static func render(_ report: HeapGrowthReport) -> String {
        let g = report.growth, unit = HeapTable.unit(g.sample.unit)
        var out = "heap diff of \(report.profiles.count) snapshots: \(g.sample.type) (\(g.view.rawValue) view): "
        out += g.totals.map(String.init).joined(separator: " -> ") + " \(unit)\n\n"
        for entry in report.entries {
            let series = entry.growth.series
            out += "  \(signed(series.growth)) \(unit)\(relative(series))  \(series.name)"
            if let built = HeapReport.built(entry.growth.holder) { out += " " + built }
            out += "  " + series.values.map(String.init).joined(separator: " -> ")
            if series.grewEveryStep { out += "  grew in every step" }
            out += "\n"
            out += HeapTable.findings(entry.findings)
            if let upgrade = entry.upgrade, let to = upgrade.to { out += "          upgrade \(upgrade.package) \(upgrade.from) -> \(to)\n" }
            for function in entry.growth.functions.prefix(report.topFunctions) where function.growth != 0 {
                out += "          \(signed(function.growth).padding(toLength: 10, withPad: " ", startingAt: 0)) \(function.name)\n"
            }
        }
        return out
    }

    /// `+123`, `-45`, `0`.
    static func signed(_ value: Int64) -> String { value > 0 ? "+\(value)" : String(value) }

    /// ` (+12.5 %)`, or nothing when the first value was 0.
    static func relative(_ series: HeapGrowth.Series) -> String {
        series.relative.map { String(format: " (%@%.1f %%)", $0 > 0 ? "+" : "", $0 * 100) } ?? ""
    }
}
