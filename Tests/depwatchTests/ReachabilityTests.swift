import DepwatchTestSupport
import Foundation
import Testing

/// Reachability of findings in built binaries: three programs built against one module
/// (`example.com/vuln` v1.0.0 from a file module proxy), with advisories written for the test naming its
/// package `example.com/vuln/parse` and the symbols `Parse` and `Reader.Read`.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct ReachabilityTests {
    /// The programs: one calls Parse (small, so inlined), one imports the package but calls only
    /// `Other`, one imports only the module's other package.
    static let programs = ["calls-parse": "parse.Parse(os.Args[0])", "imports-only": "parse.Other(os.Args[0])", "no-import": "other.Hello(os.Args[0])"]

    static let world = Result { () throws -> (directory: TemporaryDirectory, database: String) in
        let directory = try TemporaryDirectory()
        let proxy = try GoModuleProxy(root: directory.url.appendingPathComponent("proxy"))
        try proxy.add("example.com/vuln", "v1.0.0", files: [
            "go.mod": "module example.com/vuln\n\ngo 1.21\n",
            "parse/parse.go": """
                package parse

                import "strings"

                // Parse is the vulnerable function.
                func Parse(s string) []string { return strings.Fields(s + " parsed") }

                // Reader reads.
                type Reader struct{ s string }

                // Read is vulnerable too.
                func (r *Reader) Read() string { return strings.ToUpper(r.s) }

                // Other is not.
                func Other(s string) string { return strings.Repeat(s, 2) }
                """,
            "other/other.go": "package other\n\nimport \"strings\"\n\n// Hello greets.\nfunc Hello(s string) string { return strings.TrimSpace(\"hello \" + s) }\n",
        ])
        var environment = proxy.environment(cache: directory.url.appendingPathComponent("modcache"))
        environment["GOCACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path
        for (name, call) in programs {
            let package = call.hasPrefix("other.") ? "other" : "parse"
            try directory.write("\(name)/go.mod", "module example.com/\(name)\n\ngo 1.21\n\nrequire example.com/vuln v1.0.0\n")
            try directory.write("\(name)/main.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"example.com/vuln/\(package)\"\n)\n\nfunc main() { fmt.Println(\(call)) }\n")
            for (suffix, flags) in [("", [String]()), ("-stripped", ["-ldflags=-s -w"])] {
                let build = try GoToolchain.run(["build"] + flags + ["-o", directory.path("bin/\(name)\(suffix)"), "."],
                                                in: directory.url.appendingPathComponent(name), environment: environment)
                guard build.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: build.stderr]) }
            }
        }
        try directory.write("advisories/TEST-0001.json", advisory("TEST-0001", imports: #"[{"path": "example.com/vuln/parse", "symbols": ["Parse", "Reader.Read"]}]"#))
        try directory.write("advisories/TEST-0002.json", advisory("TEST-0002", imports: #"[{"path": "example.com/vuln/parse", "goos": ["windows"]}]"#))
        let database = directory.path("advisories.sqlite")
        let imported = try CommandRun.depwatch(["db", "import", directory.path("advisories"), "--db", database])
        guard imported.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: imported.stderr]) }
        return (directory, database)
    }

    static func advisory(_ id: String, imports: String) -> String {
        """
        {"schema_version": "1.6.0", "id": "\(id)", "modified": "2026-01-01T00:00:00Z", "summary": "\(id) in example.com/vuln",
         "affected": [{"package": {"ecosystem": "Go", "name": "example.com/vuln"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.1"}]}],
                       "ecosystem_specific": {"imports": \(imports)}}],
         "database_specific": {"severity": "HIGH"}}
        """
    }

    /// The audit of one program, as JSON findings by advisory id.
    static func audit(_ name: String, _ extra: [String] = []) throws -> (status: Int32, findings: [String: [String: Any]], table: String) {
        let (directory, database) = try world.get()
        let binary = directory.path("bin/\(name)")
        let json = try CommandRun.depwatch(["audit", binary, "--db", database, "--format", "json"] + extra)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stderr)")
        let findings = (object["findings"] as? [[String: Any]] ?? []).filter { $0["package"] as? String == "example.com/vuln" }
        let table = try CommandRun.depwatch(["audit", binary, "--db", database] + extra)
        return (json.status, Dictionary(uniqueKeysWithValues: findings.map { ($0["id"] as! String, $0) }), table.stdout)
    }

    static func reachability(_ finding: [String: Any]?) -> (level: String?, symbols: [String]) {
        let object = finding?["reachability"] as? [String: Any]
        return (object?["level"] as? String, object?["symbols"] as? [String] ?? [])
    }

    @Test func aCalledSymbolEvenInlinedIsSymbol() throws {
        let (_, findings, table) = try Self.audit("calls-parse")
        let found = Self.reachability(findings["TEST-0001"])
        #expect(found.level == "symbol" && found.symbols == ["example.com/vuln/parse.Parse"], "\(findings)")
        #expect(table.contains("reachability symbol: example.com/vuln/parse.Parse linked in"), "\(table)")
    }

    @Test func anImportedPackageWithoutTheSymbolsIsPackage() throws {
        let (_, findings, _) = try Self.audit("imports-only")
        #expect(Self.reachability(findings["TEST-0001"]).level == "package", "\(findings)")
    }

    @Test func aPackageNotLinkedInOrAnotherPlatformIsAbsent() throws {
        let (_, findings, table) = try Self.audit("no-import")
        #expect(Self.reachability(findings["TEST-0001"]).level == "absent", "\(findings)")
        for name in ["calls-parse", "no-import"] {
            let (_, findings, _) = try Self.audit(name)
            let windowsOnly = findings["TEST-0002"]?["reachability"] as? [String: Any]
            #expect(windowsOnly?["level"] as? String == "absent" && (windowsOnly?["reason"] as? String ?? "").contains("only on windows"))
        }
        #expect(table.contains("reachability absent: no affected package (example.com/vuln/parse) is linked in"), "\(table)")
    }

    @Test(arguments: programs.keys.sorted())
    func theStrippedTwinHasTheSameReachability(_ name: String) throws {
        let plain = try Self.audit(name).findings, stripped = try Self.audit(name + "-stripped").findings
        #expect(plain.mapValues { NSDictionary(dictionary: $0["reachability"] as? [String: Any] ?? [:]) }
                == stripped.mapValues { NSDictionary(dictionary: $0["reachability"] as? [String: Any] ?? [:]) })
        #expect(plain.count == 2)
    }

    @Test func markdownHasAReachabilityColumn() throws {
        let (directory, database) = try Self.world.get()
        let markdown = try CommandRun.depwatch(["audit", directory.path("bin/calls-parse"), "--db", database, "--format", "markdown"])
        #expect(markdown.stdout.contains("| manifest | reachability |"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("— reachability symbol: example.com/vuln/parse.Parse linked in"))
    }

    @Test func reachableOnlyCountsWhatIsThereAndListsTheRestApart() throws {
        let absentOnly = try Self.audit("no-import", ["--reachable-only"])
        #expect(absentOnly.status == 0, "only absent findings: nothing counts")
        #expect(absentOnly.table.contains("Not in the build (not counted: --reachable-only)"))
        #expect(absentOnly.table.contains("TEST-0001") && absentOnly.table.contains("TEST-0002"), "listed, never dropped")
        #expect(try Self.audit("no-import").status == 1, "without the flag every finding counts")
        #expect(try Self.audit("imports-only", ["--reachable-only"]).status == 1, "package counts")
        let (directory, database) = try Self.world.get()
        try directory.write("policy/depwatch.toml", "reachable-only = true\n")
        let viaPolicy = try CommandRun.depwatch(["audit", directory.path("bin/no-import"), "--db", database, "--config", directory.path("policy/depwatch.toml")])
        #expect(viaPolicy.status == 0, "\(viaPolicy.stdout)\(viaPolicy.stderr)")
    }

    @Test func theExampleServiceUsesTheLeakyLFU() throws {
        let binary = try BinaryAuditTests.service.get().binary
        let result = try CommandRun.depwatch(["audit", binary, "--format", "json"], environment: BinaryAuditTests.database)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let gcache = (object["findings"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "x_DEPWATCH-2021-0001" }
        let found = Self.reachability(gcache)
        #expect(found.level == "symbol", "\(String(describing: gcache))")
        #expect(found.symbols.contains("github.com/bluele/gcache.LFUCache.Get") && found.symbols.contains("github.com/bluele/gcache.CacheBuilder.LFU"),
                "LFU() is inlined into main, found through the inline tree: \(found.symbols)")
    }
}

/// `audit --packages`: the same programs as source modules, their packages listed by `go list -deps`
/// from the module cache the builds filled (offline).
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct SourceReachabilityTests {
    static func audit(_ name: String, cache: String? = nil) throws -> (status: Int32, findings: [String: [String: Any]], stderr: String) {
        let (directory, database) = try ReachabilityTests.world.get()
        let goroot = try GoToolchain.run(["env", "GOROOT"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let environment = ["PATH": "\(goroot)/bin:/usr/bin:/bin", "GOMODCACHE": cache ?? directory.path("modcache"),
                           "GOCACHE": FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path]
        let result = try CommandRun.depwatch(["audit", "--packages", directory.path("\(name)/go.mod"), "--db", database, "--format", "json"],
                                             environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let findings = (object["findings"] as? [[String: Any]] ?? []).filter { $0["package"] as? String == "example.com/vuln" }
        return (result.status, Dictionary(uniqueKeysWithValues: findings.map { ($0["id"] as! String, $0) }), result.stderr)
    }

    @Test func anImportedPackageIsPackageAndOneNotImportedIsAbsent() throws {
        let imported = try Self.audit("calls-parse")
        #expect(ReachabilityTests.reachability(imported.findings["TEST-0001"]).level == "package", "\(imported.findings) \(imported.stderr)")
        let reason = (imported.findings["TEST-0001"]?["reachability"] as? [String: Any])?["reason"] as? String
        #expect(reason == "imports example.com/vuln/parse")
        let notImported = try Self.audit("no-import")
        #expect(ReachabilityTests.reachability(notImported.findings["TEST-0001"]).level == "absent", "\(notImported.findings)")
    }

    @Test func whenGoListCannotRunItSaysWhyAndAuditsAsBefore() throws {
        let empty = try TemporaryDirectory()
        let result = try Self.audit("calls-parse", cache: empty.url.path)
        #expect(result.status == 1)
        #expect(result.findings["TEST-0001"] != nil && result.findings["TEST-0001"]?["reachability"] == nil)
        #expect(result.stderr.contains("calls-parse/go.mod: go list failed: ") && result.stderr.contains("audited without package reachability"), "\(result.stderr)")
    }
}
