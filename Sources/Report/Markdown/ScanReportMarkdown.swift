import Scan

/// The report as Markdown, for an issue or a chat message.
enum ScanReportMarkdown {
    static func render(_ report: ScanReport) -> String {
        var lines = ["# depwatch report: run \(report.run.id)", "",
                     ScanReportText.headline(report), ""]
        func section(_ title: String, _ items: [ScanReport.Item], age: Bool) {
            lines.append("## \(title) (\(items.count))")
            lines.append("")
            guard !items.isEmpty else { lines += ["None.", ""]; return }
            lines.append("| repository | package | version | advisory | severity | kind |" + (age ? " open for |" : ""))
            lines.append("| --- | --- | --- | --- | --- | --- |" + (age ? " --- |" : ""))
            for item in items {
                lines.append("| \(item.repository) | \(item.package) | \(item.version) | \(item.id) | \(item.severity.rawValue) | \(item.kind.rawValue) |"
                    + (age ? " \(item.ageDays) d |" : ""))
            }
            lines.append("")
        }
        section("New since run \(report.previousRun.map { String($0.id) } ?? "–")", report.new, age: false)
        section("Fixed", report.fixed, age: false)
        lines += ["## Upgrades that clear the most", ""]
        lines += report.upgrades.prefix(20).map {
            "- `\($0.package)` → **\($0.to)**: clears \($0.clears) finding\($0.clears == 1 ? "" : "s") in \($0.repositories.count) repositor\($0.repositories.count == 1 ? "y" : "ies")"
        }
        lines.append("")
        section("Still open", report.open, age: true)
        let failed = report.repositories.filter { $0.status != "ok" }
        if !failed.isEmpty {
            lines += ["## Failed scans", ""] + failed.map { "- **\($0.name)**: \($0.error ?? "")" } + [""]
        }
        return lines.joined(separator: "\n")
    }
}
