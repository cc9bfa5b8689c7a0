import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch audit` and `deps` on built Go binaries: the example service built in the test (gcache
/// v0.0.1 from a file module proxy), a binary of the older build information layout (SyntheticExecutable)
/// for the standard library at the binary's own Go version and a replaced module at the version built.
@Suite struct BinaryAuditTests {
    /// examples/gcache-service built offline: its go.mod pins gcache v0.0.1, served with the leaky LFU.
    static let service = Result { () throws -> (directory: TemporaryDirectory, binary: String) in
        let directory = try TemporaryDirectory()
        let proxy = try GoModuleProxy(root: directory.url.appendingPathComponent("proxy"))
        try proxy.add("github.com/bluele/gcache", "v0.0.1", files: ["go.mod": "module github.com/bluele/gcache\n",
                                                                    "lfu.go": GcacheHistory.source(fixed: false, revision: 0)])
        let source = directory.url.appendingPathComponent("gcache-service")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("examples/gcache-service"), to: source)
        let binary = directory.path("bin/gcache-service")
        var environment = proxy.environment(cache: directory.url.appendingPathComponent("modcache"))
        environment["GOCACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path
        let build = try GoToolchain.run(["build", "-o", binary, "."], in: source, environment: environment)
        guard build.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: build.stderr]) }
        return (directory, binary)
    }

    static var database: [String: String] { ["DEPWATCH_DB": (try? TestStore.shared().path) ?? ""] }

    @Test(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
    func theServiceBinaryHasTheLeakAndTheRebuildThatClearsIt() throws {
        let binary = try Self.service.get().binary
        let result = try CommandRun.depwatch(["audit", binary], environment: Self.database)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("x_DEPWATCH-2021-0001  github.com/bluele/gcache@v0.0.1  leak  fixed in v0.0.2"), "\(result.stdout)")
        #expect(result.stdout.contains("in example.com/gcache-service: go get github.com/bluele/gcache@v0.0.2, then rebuild the binary"))
        #expect(!result.stderr.contains("unchecked-standard-library") && !result.stderr.contains("go directive"), "\(result.stderr)")
        let deps = try CommandRun.depwatch(["deps", binary])
        #expect(deps.status == 0)
        #expect(deps.stdout.contains("(Go binary, ELF amd64, module example.com/gcache-service, toolchain go1."), "\(deps.stdout)")
        #expect(deps.stdout.contains("built GOOS=linux GOARCH=amd64 CGO_ENABLED="))
        #expect(deps.stdout.contains("github.com/bluele/gcache  v0.0.1"))
    }

    @Test(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
    func binariesInAFolderAreAuditedOnlyWhenAskedAndOthersAreSkipped() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("deploy"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try Self.service.get().binary, toPath: directory.path("deploy/gcache-service"))
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: directory.path("deploy/true"))
        let without = try CommandRun.depwatch(["audit", directory.url.path], environment: Self.database)
        #expect(without.status == 3, "no manifest without --binaries: \(without.stdout)")
        let with = try CommandRun.depwatch(["audit", "--binaries", directory.url.path], environment: Self.database)
        #expect(with.status == 1, "\(with.stderr)")
        #expect(with.stdout.contains("github.com/bluele/gcache@v0.0.1") && with.stderr.isEmpty, "\(with.stdout)\(with.stderr)")
        let named = try CommandRun.depwatch(["audit", directory.path("deploy/true")], environment: Self.database)
        #expect(named.status == 2 && named.stderr.contains("deploy/true: an executable, but not one Go built"), "\(named.stderr)")
    }

    @Test func theStandardLibraryIsCheckedAtTheBinarysGoAndAReplacementAtWhatWasBuilt() throws {
        let modules = "path\texample.com/old\nmod\texample.com/old\t(devel)\t\n"
            + "dep\tgolang.org/x/text\tv0.3.0\n=>\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n"
        let directory = try TemporaryDirectory()
        let path = try directory.write("old-service", Data(SyntheticExecutable.legacyBuildInfo(version: "go1.17.13", modules: modules)))
        let result = try CommandRun.depwatch(["audit", path, "--format", "json", "--go-version", "1.22.4"], environment: Self.database)
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let text = findings.filter { $0["package"] as? String == "golang.org/x/text" }
        #expect(!text.isEmpty && text.allSatisfy { $0["version"] as? String == "v0.3.7" }, "the replacement's version is what is built")
        let ids = Set(text.compactMap { $0["id"] as? String })
        #expect(ids.contains("GO-2022-1059") && !ids.contains("GO-2021-0113"), "v0.3.7 has the 0113 fix, not the 1059 one: \(ids)")
        let standardLibrary = findings.filter { $0["package"] as? String == "stdlib" }
        #expect(!standardLibrary.isEmpty && standardLibrary.allSatisfy { $0["version"] as? String == "go1.17.13" },
                "the binary's own Go, whatever --go-version says")
        #expect(!result.stderr.contains("go directive"), "\(result.stderr)")
    }
}

extension BinaryAuditTests {
    /// A nightly scan covers what is deployed: `[[artifact]]` entries (built binaries) beside
    /// `[[repository]]` ones, into the same history and report.
    @Test(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
    func aScanListsArtifactsBesideRepositories() throws {
        let directory = try TemporaryDirectory()
        let fleet = try ScanCommandTests.fleet(directory, count: 1)
        try FileManager.default.createDirectory(atPath: directory.path("deployed"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try Self.service.get().binary, toPath: directory.path("deployed/gcache-service"))
        try directory.write("depwatch-scan.toml", """
            [[repository]]
            name = "svc"
            path = "\(fleet)/svc-0"

            [[artifact]]
            name = "gcache-service (deployed)"
            path = "deployed/gcache-service"
            """)
        let options = ["--db", directory.path("db.sqlite"), "--history", directory.path("history.sqlite")]
        let scan = try CommandRun.depwatch(["scan", "--config", directory.path("depwatch-scan.toml")] + options)
        #expect(scan.status == 1, "\(scan.stdout)\(scan.stderr)")
        let json = try CommandRun.depwatch(["report", "--format", "json"] + options)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stderr)")
        let repositories = report["repositories"] as? [[String: Any]] ?? []
        let artifact = try #require(repositories.first { $0["name"] as? String == "gcache-service (deployed)" }, "\(repositories)")
        #expect(artifact["status"] as? String == "ok" && artifact["findings"] as? Int == 1 && (artifact["path"] as? String ?? "").hasSuffix("deployed/gcache-service"))
        #expect(repositories.contains { $0["name"] as? String == "svc" && $0["findings"] as? Int == 1 })
        let badConfig = try directory.write("bad.toml", "[[artifact]]\nname = \"x\"\npath = \"y\"\nrevision = \"HEAD\"\n")
        let bad = try CommandRun.depwatch(["scan", "--config", badConfig] + options)
        #expect(bad.status == 2 && bad.stderr.contains("[[artifact]] #1: unknown key \"revision\"; expected name, path"), "\(bad.stderr)")
        let notBinary = try directory.write("notes.txt", "not a binary\n")
        let failed = try CommandRun.depwatch(["scan", notBinary, "--fail-on", "none"] + options)
        #expect(failed.status == 2 && failed.stderr.contains("notes.txt"), "\(failed.stderr)")
    }
}
