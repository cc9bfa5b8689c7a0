import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch heap` as a user runs it, on the leaking service's real profile.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct HeapCommandTests {
    static func heap(_ arguments: [String]) throws -> CommandResult {
        try CommandRun.depwatch(["heap"] + arguments, environment: ["DEPWATCH_DB": try TestStore.shared().path])
    }

    @Test func namesTheLeakingModuleItsAdvisoryAndTheUpgrade() throws {
        let service = try PprofReferenceTests.service.get()
        let profile = try PprofReferenceTests.profiles.get()[0].proto
        let result = try Self.heap([profile, "--project", service.project])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let cache = try #require(lines.firstIndex { $0.contains("% ") && $0.contains("github.com/bluele/gcache v0.0.1") }, "\(result.stdout)")
        #expect(lines[cache + 1].contains("known leak x_DEPWATCH-2021-0001 (high)") && lines[cache + 1].contains("fixed in v0.0.2"))
        #expect(lines[cache + 2].contains("upgrade github.com/bluele/gcache v0.0.1 -> v0.0.2"))
        #expect(result.stdout.contains("example.com/ring => ../ring"))
        #expect(result.stdout.hasPrefix("\(profile): inuse_objects (owner view): "))
    }

    @Test func jsonValidatesAgainstTheShippedSchema() throws {
        let service = try PprofReferenceTests.service.get()
        let profile = try PprofReferenceTests.profiles.get()[1].proto
        for view in ["owner", "flat"] {
            let result = try Self.heap([profile, "--project", service.project, "--format", "json", "--view", view, "--sample", "alloc_space"])
            #expect(result.status == 0, "\(result.stderr)")
            let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.heap-1.schema.json").path
            #expect(try SchemaValidation.errors(of: result.stdout, schemaPath: schema, draft: 2020) == [])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let modules = try #require(object["modules"] as? [[String: Any]])
            #expect(modules.reduce(0) { $0 + ($1["value"] as? Int ?? 0) } == object["total"] as? Int)
        }
    }

    @Test func damagedProfilesAndUnknownSamplesAreErrors() throws {
        let directory = try TemporaryDirectory()
        let gzipped = try Data(contentsOf: URL(fileURLWithPath: try PprofReferenceTests.profiles.get()[0].proto))
        let truncated = try directory.write("truncated.pb.gz", gzipped.prefix(gzipped.count / 2))
        let result = try Self.heap([truncated, "--project", directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(truncated): byte \(gzipped.count / 2): the gzip stream is truncated"), "\(result.stderr)")
        let html = try directory.write("heap", "<!DOCTYPE html><html><body>sign in</body></html>\n")
        let page = try Self.heap([html])
        #expect(page.status == 2 && page.stderr.contains("\(html): byte 0: not a heap profile"), "\(page.stderr)")
        _ = try directory.write("project/go.mod", "module example.com/p\n\ngo 1.21\n")
        _ = try directory.write("project/depwatch.toml", "fail-on = \n")
        let policy = try Self.heap([try PprofReferenceTests.profiles.get()[0].proto, "--project", directory.path("project")])
        #expect(policy.status == 2 && policy.stderr.contains("depwatch.toml:1:"), "a malformed policy is an error, as for audit: \(policy.stderr)")
        let unknown = try Self.heap([try PprofReferenceTests.profiles.get()[0].proto, "--sample", "cpu"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no sample type cpu; this profile has alloc_objects, alloc_space, inuse_objects, inuse_space"),
                "\(unknown.stderr)")
    }
}
