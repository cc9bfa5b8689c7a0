import Foundation
import Heap

/// `depwatch heap diff` as Markdown: a table of what grew, the steady growers in bold.
enum HeapGrowthMarkdown {
    static func render(_ report: HeapGrowthReport) -> String {
        let g = report.growth, unit = HeapTable.unit(g.sample.unit)
        var out = "### depwatch heap diff: \(report.profiles.count) snapshots\n\n"
        out += "`\(g.sample.type)`, \(g.view.rawValue) view: " + g.totals.map(String.init).joined(separator: " → ") + " \(unit).\n\n"
        out += "| growth | module | \(unit) | grew in every step | most grown function | known problems |\n"
        out += "| --- | --- | --- | --- | --- | --- |\n"
        for entry in report.entries {
            let series = entry.growth.series
            let name = series.grewEveryStep ? "**`\(series.name)`**" : "`\(series.name)`"
            let problems = HeapMarkdown.problems(entry.findings)
            out += "| \(HeapGrowthTable.signed(series.growth))\(HeapGrowthTable.relative(series)) | \(name) | "
            out += series.values.map(String.init).joined(separator: " → ") + " | \(series.grewEveryStep ? "yes" : "") | "
            out += (entry.growth.functions.first { $0.growth != 0 }.map { "`\($0.name)`" } ?? "") + " | " + problems.joined(separator: ", ") + " |\n"
        }
        return out
    }
}
