import DepwatchTestSupport
import Foundation
import Report
import Testing
@testable import Bisect

/// Both renderings of one bisection (a regression between two releases, one commit skipped), compared
/// with golden files (re-record with DEPWATCH_RECORD=1).
@Suite struct BisectGoldenTests {
    static func bisect() async throws -> (BisectResult, root: String) {
        let history = try StateHistory(count: 12, firstBad: 6, overrides: [4: "skip"], tags: [0: "v0.1.0", 9: "v0.2.0"])
        let temporary = try TemporaryDirectory()
        var request = history.request(good: 0, bad: 11)
        request.temporaryDirectory = temporary.url.path
        var result = await Bisector(request).run()
        // What depends on the machine: how long each run took.
        result.seconds = 12.5
        for index in result.runs.indices { result.runs[index].seconds = 0.25 }
        return (result, history.fixture.path)
    }

    /// The rendering with the repository's temporary folder replaced.
    static func render(_ result: (BisectResult, root: String), _ format: ReportFormat) throws -> String {
        try BisectReport(result.0).text(as: format).replacingOccurrences(of: result.root, with: "<repository>")
    }

    /// One bisection, both formats (each golden file, and the JSON against the shipped schema).
    @Test func golden() async throws {
        let result = try await Self.bisect()
        for (format, file) in [(ReportFormat.table, "bisect.txt"), (.json, "bisect.json")] {
            if let mismatch = try Golden.mismatch(try Self.render(result, format), golden: file, target: "BisectTests") {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.bisect-1.schema.json").path
        #expect(try SchemaValidation.errors(of: try Self.render(result, .json), schemaPath: schema, draft: 2020) == [])
    }
}
