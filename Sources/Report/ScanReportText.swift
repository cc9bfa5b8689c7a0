import Scan

/// Words shared by the Markdown and HTML reports.
enum ScanReportText {
    static func headline(_ report: ScanReport) -> String {
        let open = report.open.count
        return "\(report.run.repositories) repositories scanned at \(report.run.started) (\(report.run.failed) failed); "
            + "\(open) open finding\(open == 1 ? "" : "s"), \(report.new.count) new, \(report.fixed.count) fixed"
            + (report.previousRun.map { " since run \($0.id) (\($0.started))" } ?? "") + "."
    }

    static let severities = ["critical", "high", "medium", "low", "unknown"]
}
