import Advisories
import DepwatchTestSupport
import Foundation
import Testing
@testable import Audit

/// Every rendering of one audit, compared with golden files (re-record with DEPWATCH_RECORD=1), and the
/// machine-readable ones validated against their schemas.
@Suite struct ReportGoldenTests {
    static let project = TestPaths.fixture("golden-project", target: "AuditTests").path

    static let result: Result<AuditResult, any Error> = Result {
        let policy = try PolicyLocation.load(config: nil, roots: [project])
        var result = try Auditor.audit(AuditOptions(roots: [project], policy: policy, today: "2026-11-28"), index: AdvisoryIndex(store: try TestStore.shared()))
        result.databasePath = "<database>"
        return result
    }

    /// The rendering as the command writes it (`renderBytes`), with the checkout's absolute path removed,
    /// so golden files do not depend on where it is.
    static func render(_ format: AuditFormat) throws -> String {
        String(decoding: try format.renderBytes(try result.get()), as: UTF8.self)
            .replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
    }

    /// The bytes the command writes are the text other modules (diff's SARIF) render.
    @Test(arguments: AuditFormat.allCases)
    func bytesAreTheRendering(_ format: AuditFormat) throws {
        let result = try Self.result.get()
        #expect(try format.renderBytes(result) == Array(try format.render(result).utf8))
    }

    @Test(arguments: [(AuditFormat.table, "audit.txt"), (.json, "audit.json"), (.markdown, "audit.md"), (.sarif, "audit.sarif")])
    func golden(_ format: AuditFormat, _ file: String) throws {
        if let mismatch = try Golden.mismatch(try Self.render(format), golden: file, target: "AuditTests") {
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
        let sarif = try AuditFormat.sarif.render(result)
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
        #expect(SARIFReport.fingerprint(moved) == SARIFReport.fingerprint(finding))
        var other = finding
        other.manifest = "elsewhere/go.mod"
        #expect(SARIFReport.fingerprint(other) != SARIFReport.fingerprint(finding))
    }

    @Test func tableIsColouredOnlyWhenAsked() throws {
        let result = try Self.result.get()
        #expect(!(try AuditFormat.table.render(result, color: false)).contains("\u{1B}["))
        #expect(try AuditFormat.table.render(result, color: true).contains("\u{1B}[1m"))
    }
}
