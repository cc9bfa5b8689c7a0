import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch diff` end to end: exit codes and the fetch hint.
@Suite struct DiffCommandTests {
    func depwatch(_ arguments: [String], _ fixture: GitFixture) throws -> CommandResult {
        try CommandRun.depwatch(arguments, in: URL(fileURLWithPath: fixture.path),
                                environment: ["DEPWATCH_DB": fixture.directory.path("db.sqlite")])
    }

    @Test func introducedFindingExits1AndCleanChangeExits0() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache", ["go.mod": "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"])
        let introduced = try depwatch(["diff", "--base", "main", "--head", "feature"], fixture)
        #expect(introduced.status == 1, "\(introduced.stderr)")
        #expect(introduced.stdout.contains("INTRODUCED HIGH x_DEPWATCH-2021-0001"))
        let markdown = try depwatch(["diff", "--base", "main", "--head", "feature", "--format", "markdown"], fixture)
        #expect(markdown.stdout.contains("This change introduces 1 known problem"))
        let json = try depwatch(["diff", "--base", "main", "--head", "feature", "--format", "json"], fixture)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "depwatch.diff/1")
        let clean = try depwatch(["diff", "--base", "main", "--head", "main"], fixture)
        #expect(clean.status == 0)
    }

    @Test func missingBaseExits2WithTheFetchHint() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n"])
        let result = try depwatch(["diff", "--base", "origin/main"], fixture)
        #expect(result.status == 2)
        #expect(result.stderr.contains("git fetch origin main --depth=1"))
    }
}

/// `depwatch vet` end to end.
@Suite struct VetCommandTests {
    @Test func initCheckAndRecord() throws {
        let dir = try TemporaryDirectory()
        try dir.write("go.mod", "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n")
        func vet(_ arguments: [String]) throws -> CommandResult { try CommandRun.depwatch(["vet"] + arguments, in: dir.url) }
        #expect(try vet(["--check"]).status == 1)
        #expect(try vet(["--init"]).status == 0)
        #expect(try vet(["--check"]).status == 0)
        #expect(try vet(["github.com/bluele/gcache@v0.0.2"]).status == 64, "a review needs a reason")
        #expect(try vet(["github.com/bluele/gcache@v0.0.2", "--reason", "read the fix", "--by", "ana"]).status == 0)
        let text = try String(contentsOfFile: dir.path("depwatch.vet.toml"), encoding: .utf8)
        #expect(text.contains("[[exemption]]") && text.contains("[[vetted]]") && text.contains("by = \"ana\""))
        try dir.write("depwatch.vet.toml", "[[vetted]]\npackage = 1\n")
        #expect(try vet(["--check"]).status == 2)
    }
}
