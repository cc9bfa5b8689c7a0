import Core
import Foundation
import Manifest

/// The formats of `depwatch report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML file.
    case html
    /// Markdown, for an issue or a chat message.
    case markdown
    /// `depwatch.report/1`.
    case json

    /// The report in this format; Markdown and HTML with every control character from outside depwatch
    /// escaped (`TerminalText`).
    public func render(_ report: ScanReport) throws -> String {
        switch self {
        case .json: return try ReportJSON.render(report)
        case .markdown: return TerminalText.escape(ReportMarkdown.render(report), allowingNewlines: true)
        case .html: return TerminalText.escape(ReportHTML.render(report), allowingNewlines: true)
        }
    }
}

/// `depwatch.report/1` as JSON, keys sorted.
enum ReportJSON {
    static func render(_ report: ScanReport) throws -> String {
        try StreamingJSONEncoder.encode(report)
    }
}

/// The report as Markdown, for an issue or a chat message.
enum ReportMarkdown {
    static func render(_ report: ScanReport) -> String {
        var lines = ["# depwatch report: run \(report.run.id)", "",
                     ReportText.headline(report), ""]
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

/// Words shared by the Markdown and HTML reports.
enum ReportText {
    static func headline(_ report: ScanReport) -> String {
        let open = report.open.count
        return "\(report.run.repositories) repositories scanned at \(report.run.started) (\(report.run.failed) failed); "
            + "\(open) open finding\(open == 1 ? "" : "s"), \(report.new.count) new, \(report.fixed.count) fixed"
            + (report.previousRun.map { " since run \($0.id) (\($0.started))" } ?? "") + "."
    }

    static let severities = ["critical", "high", "medium", "low", "unknown"]
}
