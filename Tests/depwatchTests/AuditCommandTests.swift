import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch audit` end to end: every exit code, the report file, the policy on the command line.
@Suite struct AuditCommandTests {
    static let gcache = "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"

    func depwatch(_ arguments: [String], db: String, in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRun.depwatch(arguments, in: directory ?? TestPaths.packageRoot, environment: environment.merging(["DEPWATCH_DB": db]) { $1 })
    }

    @Test func findingsExit1AndTheQuickStartShowsTheGcacheUpgrade() throws {
        let dir = try TemporaryDirectory()
        let result = try depwatch(["audit", "examples"], db: dir.path("new.sqlite"))
        #expect(result.status == 1)
        #expect(result.stdout.contains("x_DEPWATCH-2021-0001  github.com/bluele/gcache@v0.0.1  leak  fixed in v0.0.2"))
        #expect(result.stdout.contains("go get github.com/bluele/gcache@v0.0.2"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func cleanProjectExits0() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.2\n")
        let result = try depwatch(["audit", dir.path("svc")], db: dir.path("db.sqlite"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 findings"))
    }

    @Test func failOnNoneExits0WithFindings() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.gcache)
        let result = try depwatch(["audit", dir.path("svc"), "--fail-on", "none"], db: dir.path("db.sqlite"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("x_DEPWATCH-2021-0001"))
    }

    @Test func ignoredFindingDoesNotFailAndUnknownPolicyKeyExits2() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.gcache)
        try dir.write("svc/depwatch.toml", "[[ignore]]\nid = \"x_DEPWATCH-2021-0001\"\nreason = \"LFU is not used; we build LRU caches\"\nuntil = 2099-01-01\n")
        let ignored = try depwatch(["audit", dir.path("svc")], db: dir.path("db.sqlite"))
        #expect(ignored.status == 0, "\(ignored.stdout)\(ignored.stderr)")
        #expect(ignored.stdout.contains("ignored: LFU is not used"))
        try dir.write("svc/depwatch.toml", "[[ignore]]\nid = \"x\"\nreason = \"r\"\nexpires = 2099-01-01\n")
        let broken = try depwatch(["audit", dir.path("svc")], db: dir.path("db.sqlite"))
        #expect(broken.status == 2)
        #expect(broken.stderr == "\(dir.path("svc/depwatch.toml")):4: unknown key \"expires\" in [[ignore]]; expected one of id, package, reason, until\n")
    }

    @Test func configFlagAndCommandLineOverrides() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.gcache)
        let policy = try dir.write("policy.toml", "fail-on = \"critical\"\n")
        #expect(try depwatch(["audit", dir.path("svc"), "--config", policy], db: dir.path("db.sqlite")).status == 0)
        #expect(try depwatch(["audit", dir.path("svc"), "--config", policy, "--fail-on", "high"], db: dir.path("db.sqlite")).status == 1)
        #expect(try depwatch(["audit", dir.path("svc"), "--kinds", "security"], db: dir.path("db.sqlite")).status == 0)
    }

    @Test func nothingToScanExits3() throws {
        let dir = try TemporaryDirectory()
        try dir.write("empty/README", "nothing\n")
        let result = try depwatch(["audit", dir.path("empty")], db: dir.path("db.sqlite"))
        #expect(result.status == 3)
    }

    @Test func badManifestExits2() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module x\nrequire a 1.0.0\n")
        let result = try depwatch(["audit", dir.path("svc")], db: dir.path("db.sqlite"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("go.mod:2:11: require a: version \"1.0.0\" invalid"))
    }

    @Test func badFlagsExit64() throws {
        let dir = try TemporaryDirectory()
        #expect(try depwatch(["audit", "--format", "pdf"], db: dir.path("db.sqlite")).status == 64)
        #expect(try depwatch(["audit", "--fail-on", "severe"], db: dir.path("db.sqlite")).status == 64)
        #expect(try depwatch(["audit", "--kinds", "bugs"], db: dir.path("db.sqlite")).status == 64)
        #expect(try depwatch(["audit", "--go-version", "latest"], db: dir.path("db.sqlite")).status == 64)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.gcache)
        let report = dir.path("report.sarif")
        let result = try depwatch(["audit", dir.path("svc"), "--format", "sarif", "--output", report], db: dir.path("db.sqlite"))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let unwritable = try depwatch(["audit", dir.path("svc"), "--output", dir.path("no/such/dir/report.txt")], db: dir.path("db.sqlite"))
        #expect(unwritable.status == 2)
    }

    @Test func goVersionChecksTheStandardLibrary() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n")
        let db = dir.path("db.sqlite")
        #expect(try depwatch(["db", "import", TestPaths.shared.appendingPathComponent("advisories/go-vulndb").path], db: db).status == 0)
        let unchecked = try depwatch(["audit", dir.path("svc")], db: db)
        #expect(unchecked.status == 0)
        #expect(unchecked.stderr.contains("the Go standard library was not checked"))
        let checked = try depwatch(["audit", dir.path("svc"), "--go-version", "1.21.0", "--format", "json"], db: db)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("\"package\" : \"stdlib\""))
    }
}
