import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch heap` on the example service's real profile (examples/gcache-service/heap.pb.gz, written by
/// the leaking test service), every format compared with golden files (re-record with DEPWATCH_RECORD=1).
@Suite struct HeapGoldenTests {
    @Test(arguments: [("table", "heap.txt"), ("json", "heap.json"), ("markdown", "heap.md")])
    func golden(_ format: String, _ file: String) throws {
        let result = try CommandRun.depwatch(
            ["heap", "examples/gcache-service/heap.pb.gz", "--project", "examples/gcache-service", "--format", format],
            in: TestPaths.packageRoot, environment: ["DEPWATCH_DB": try TestStore.shared().path])
        #expect(result.status == 0, "\(result.stderr)")
        if let mismatch = try Golden.mismatch(result.stdout, golden: file, target: "HeapTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func theJSONValidatesAgainstTheShippedSchema() throws {
        let result = try CommandRun.depwatch(
            ["heap", "examples/gcache-service/heap.pb.gz", "--project", "examples/gcache-service", "--format", "json", "--view", "flat"],
            in: TestPaths.packageRoot, environment: ["DEPWATCH_DB": try TestStore.shared().path])
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.heap-1.schema.json").path
        #expect(try SchemaValidation.errors(of: result.stdout, schemaPath: schema, draft: 2020) == [])
    }
}
