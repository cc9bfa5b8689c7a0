import Audit
import DepwatchTestSupport
import Foundation
import Report
import Testing
@testable import Diff

/// Every rendering of one diff, compared with golden files (re-record with DEPWATCH_RECORD=1): a pull
/// request that fixes gcache in one service, adds a service pinning gcache and a vulnerable x/text,
/// removes another, with vetting required.
@Suite struct DiffGoldenTests {
    static let legacy = "module example.com/legacy\n\ngo 1.21\n\nrequire github.com/pkg/errors v0.9.1\n"
    static let app = "module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/bluele/gcache v0.0.1\n\tgolang.org/x/text v0.3.5\n)\n"

    static let diff: Result<(DiffResult, root: String), any Error> = Result {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": DiffTests.withGcache, "legacy/go.mod": legacy])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("change", ["svc/go.mod": DiffTests.fixedGcache, "app/go.mod": app, "legacy/go.mod": nil])
        var options = DiffOptions(repository: fixture.path, base: "main", head: "feature", audit: AuditOptions(roots: [], today: "2026-11-28"))
        options.requireVetting = true
        let result = try Differ.diff(options, store: try TestStore.shared())
        return (result, fixture.path)
    }

    /// The rendering with the repository's temporary folder replaced.
    static func render(_ format: ReportFormat) throws -> String {
        let (result, root) = try diff.get()
        return try result.text(as: format).replacingOccurrences(of: root, with: "<repository>")
    }

    @Test(arguments: [(ReportFormat.table, "diff.txt"), (.json, "diff.json"), (.markdown, "diff.md"), (.sarif, "diff.sarif")])
    func golden(_ format: ReportFormat, _ file: String) throws {
        if let mismatch = try Golden.mismatch(try Self.render(format), golden: file, target: "DiffTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func jsonValidatesAgainstTheShippedSchema() throws {
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.diff-1.schema.json").path
        #expect(try SchemaValidation.errors(of: try Self.render(.json), schemaPath: schema, draft: 2020) == [])
    }
}
