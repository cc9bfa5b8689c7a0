import DepwatchTestSupport
import Foundation
import Testing

/// A go.mod without a `module` line (Go reads it; only the build refuses it) is checked by every command
/// that reads manifests, with a warning that names the line and the fix, and the exit code of its findings.
@Suite struct MissingModuleCommandTests {
    static let noModule = "go 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"
    static let warning = "go.mod:1: no module directive"

    @Test func auditReadsThePinsAndWarns() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.noModule)
        let result = try CommandRun.depwatch(["audit", dir.path("svc")], environment: ["DEPWATCH_DB": dir.path("db.sqlite")])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("x_DEPWATCH-2021-0001  github.com/bluele/gcache@v0.0.1"))
        #expect(result.stderr.contains(Self.warning))
        #expect(result.stderr.contains("go mod edit -module="))
        let json = try CommandRun.depwatch(["audit", dir.path("svc"), "--format", "json", "--fail-on", "none"],
                                           environment: ["DEPWATCH_DB": dir.path("db.sqlite")])
        #expect(json.status == 0)
        #expect(json.stdout.contains("no module directive"))
    }

    @Test func diffReadsThePinsAndWarns() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "go 1.21\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache", ["go.mod": Self.noModule])
        let result = try CommandRun.depwatch(["diff", "--base", "main", "--head", "feature"], in: URL(fileURLWithPath: fixture.path),
                                             environment: ["DEPWATCH_DB": fixture.directory.path("db.sqlite")])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("INTRODUCED HIGH x_DEPWATCH-2021-0001"))
        #expect(result.stderr.contains(Self.warning))
    }

    @Test func scanReadsThePinsAndWarns() throws {
        let fixture = try GitFixture()
        try fixture.commit("no module", ["go.mod": Self.noModule])
        let dir = fixture.directory
        let result = try CommandRun.depwatch(["scan", fixture.path, "--db", dir.path("db.sqlite"), "--history", dir.path("history.sqlite")])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let report = try CommandRun.depwatch(["report", "--format", "json", "--history", dir.path("history.sqlite")])
        #expect(report.stdout.contains("x_DEPWATCH-2021-0001"))
    }
}
