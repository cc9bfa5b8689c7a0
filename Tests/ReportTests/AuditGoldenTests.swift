import Advisories
import Audit
import DepwatchTestSupport
import Foundation
import Testing
@testable import Report

/// Every rendering of one audit, compared with golden files (re-record with DEPWATCH_RECORD=1), and the
/// machine-readable ones validated against their schemas.
@Suite struct AuditGoldenTests {
    static let project = TestPaths.fixture("golden-project", target: "AuditTests").path

    static let result: Result<AuditResult, any Error> = Result {
        let policy = try PolicyLocation.load(config: nil, roots: [project])
        var result = try Auditor.audit(AuditOptions(roots: [project], policy: policy, today: "2026-11-28"), index: AdvisoryIndex(store: try TestStore.shared()))
        result.databasePath = "<database>"
        return result
    }

    /// The rendering as the command writes it, with the checkout's absolute path removed, so golden files
    /// do not depend on where it is.
    static func render(_ format: ReportFormat) throws -> String {
        try result.get().text(as: format).replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
    }

    /// A format the audit does not have is refused, naming the ones it has.
    @Test func refusesAFormatItDoesNotHave() throws {
        #expect(throws: ReportError.unsupported(format: "html", formats: ["table", "json", "markdown", "sarif"])) {
            try Self.result.get().render(as: .html, options: RenderOptions())
        }
    }

    @Test(arguments: [(ReportFormat.table, "audit.txt"), (.json, "audit.json"), (.markdown, "audit.md"), (.sarif, "audit.sarif")])
    func golden(_ format: ReportFormat, _ file: String) throws {
        if let mismatch = try Golden.mismatch(try Self.render(format), golden: file, target: "ReportTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func jsonValidatesAgainstTheShippedSchema() throws {
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.audit-1.schema.json").path
        #expect(try SchemaValidation.errors(of: try Self.render(.json), schemaPath: schema, draft: 2020) == [])
    }

    @Test func sarifValidatesAgainstSARIF210() throws {
        let schema = TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        #expect(try SchemaValidation.errors(of: try Self.render(.sarif), schemaPath: schema, draft: 4) == [])
    }

    @Test func sarifOfACleanProjectHasEmptyResults() throws {
        let dir = try TemporaryDirectory()
        try dir.write("go.mod", "module example.com/clean\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.2\n")
        let result = try Auditor.audit(AuditOptions(roots: [dir.url.path], today: "2026-11-28"), index: AdvisoryIndex(store: try TestStore.shared()))
        let sarif = try result.text(as: .sarif)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let schema = TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        #expect(try SchemaValidation.errors(of: sarif, schemaPath: schema, draft: 4) == [])
    }

    @Test func fingerprintsIgnoreTheLine() throws {
        let finding = try #require(try Self.result.get().findings.first)
        var moved = finding
        moved.line = (finding.line ?? 0) + 10
        #expect(AuditSARIF.fingerprint(moved) == AuditSARIF.fingerprint(finding))
        var other = finding
        other.manifest = "elsewhere/go.mod"
        #expect(AuditSARIF.fingerprint(other) != AuditSARIF.fingerprint(finding))
    }

    @Test func tableIsColouredOnlyWhenAsked() throws {
        let result = try Self.result.get()
        #expect(!(try result.text(as: .table, options: RenderOptions(color: false))).contains("\u{1B}["))
        #expect(try result.text(as: .table, options: RenderOptions(color: true)).contains("\u{1B}[1m"))
    }
}
