import DepwatchTestSupport
import Foundation
import Testing

/// `diff` and `scan` read revisions from git's objects through a source: nothing is written to a scratch
/// folder (the place `TMPDIR` names stays empty), and problems are named `REVISION:path`.
@Suite struct ScratchFreeTests {
    static func repository() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n",
                                    "depwatch.toml": "[[ignore]]\nid = \"GO-2099-0001\"\nreason = \"never matches\"\n"])
        try fixture.git("branch", "base")
        try fixture.commit("upgrade", ["go.mod": "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.2\n",
                                       "broken/go.mod": "module example.com/broken\n\nrequire (\n"])
        return fixture
    }

    static func files(below directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
    }

    @Test func diffWritesNothingAndNamesTheRevision() throws {
        let fixture = try Self.repository()
        let scratch = try TemporaryDirectory()
        let result = try CommandRun.depwatch(["diff", "--base", "base", "--head", "main", "--format", "json"], in: URL(fileURLWithPath: fixture.path),
                                             environment: ["DEPWATCH_DB": scratch.path("db.sqlite"), "TMPDIR": scratch.path("")])
        #expect(Self.files(below: scratch.path("")).filter { !$0.hasPrefix("db.sqlite") }.isEmpty, "scratch files: \(Self.files(below: scratch.path("")))")
        #expect(result.stderr.contains("main:broken/go.mod:"), "\(result.stderr)")
        #expect(result.stdout.contains("\"fixed\""), "\(result.stdout)")
    }

    @Test func scanWritesNothingAndNamesTheRevision() throws {
        let fixture = try Self.repository()
        let scratch = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path("tmp"), withIntermediateDirectories: true)
        let result = try CommandRun.depwatch(["scan", fixture.path, "--db", scratch.path("db.sqlite"), "--output", scratch.path("scan.json")],
                                             environment: ["TMPDIR": scratch.path("tmp")])
        #expect(Self.files(below: scratch.path("tmp")).isEmpty)
        let json = try String(contentsOfFile: scratch.path("scan.json"), encoding: .utf8)
        #expect(json.contains("HEAD:broken/go.mod:"), "\(json) \(result.stderr)")
    }
}
