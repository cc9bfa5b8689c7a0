import DepwatchTestSupport
import Foundation
import Report
import Testing
@testable import Scan

/// Every rendering of one scan report (two scans of a small fleet, with a fix, a breakage and a new
/// dependency between them), compared with golden files (re-record with DEPWATCH_RECORD=1).
@Suite struct ReportGoldenTests {
    static let report: Result<(ScanReport, root: String), any Error> = Result {
        let fleet = try FleetFixture(layout: [("gcache", 2), ("text", 1), ("swift", 1), ("clean", 2), ("corrupt", 1)])
        let history = try HistoryStore(path: try TemporaryDirectory().path("history.sqlite"))
        _ = try FleetScanTests.scan(fleet, into: history, at: FleetScanTests.firstScan)
        try fleet.commit("gcache-1", ["go.mod": String(format: FleetFixture.clean, "gcache-1")], message: "upgrade gcache")
        try fleet.commit("clean-1", ["go.mod": FleetFixture.corrupt], message: "break it")
        try fleet.commit("clean-0", ["go.mod": String(format: FleetFixture.clean, "clean-0") + "require golang.org/x/text v0.3.5\n"],
                         message: "add x/text")
        _ = try FleetScanTests.scan(fleet, into: history, at: FleetScanTests.firstScan + 3 * FleetScanTests.day)
        return (try ReportBuilder(history).report(), fleet.root)
    }

    /// The rendering with what differs from run to run replaced: the fleet's folder and commit ids.
    static func render(_ format: ReportFormat) throws -> String {
        let (report, root) = try report.get()
        return try report.text(as: format).replacingOccurrences(of: root, with: "<fleet>")
            .replacingOccurrences(of: #"\b[0-9a-f]{40}\b"#, with: "<commit>", options: .regularExpression)
    }

    @Test(arguments: [(ReportFormat.markdown, "report.md"), (.json, "report.json"), (.html, "report.html")])
    func golden(_ format: ReportFormat, _ file: String) throws {
        if let mismatch = try Golden.mismatch(try Self.render(format), golden: file, target: "ScanTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func jsonValidatesAgainstTheShippedSchema() throws {
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.report-1.schema.json").path
        #expect(try SchemaValidation.errors(of: try Self.render(.json), schemaPath: schema, draft: 2020) == [])
    }

    @Test func refusesAFormatItDoesNotHave() throws {
        #expect(throws: ReportError.unsupported(format: "table", formats: ["html", "markdown", "json"])) {
            try Self.report.get().0.render(as: .table, options: RenderOptions())
        }
    }
}
