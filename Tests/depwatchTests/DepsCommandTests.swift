import DepwatchTestSupport
import Foundation
import Testing

/// End to end: the built binary, its stdout, stderr and exit code, for every documented outcome.
@Suite struct DepsCommandTests {
    func depwatch(_ arguments: [String]) throws -> CommandResult {
        try #require(FileManager.default.isExecutableFile(atPath: TestPaths.binary.path),
                     "build the binary first: swift build --product depwatch")
        return try CommandRun.depwatch(arguments, in: TestPaths.packageRoot)
    }

    func stderrLines(_ result: CommandResult) -> [Substring] {
        result.stderr.split(separator: "\n")
    }

    @Test func examplesAsTable() throws {
        let result = try depwatch(["deps", "examples"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        if let mismatch = try Golden.mismatch(result.stdout, golden: "deps-examples.txt", target: "depwatchTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func examplesAsJSON() throws {
        let result = try depwatch(["deps", "examples", "--format", "json"])
        #expect(result.status == 0)
        if let mismatch = try Golden.mismatch(result.stdout, golden: "deps-examples.json", target: "depwatchTests") {
            Issue.record(Comment(rawValue: mismatch))
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "depwatch.deps/1")
        let manifests = try #require(json["manifests"] as? [[String: Any]])
        let dependency = try #require((manifests.first?["dependencies"] as? [[String: Any]])?.first)
        for key in ["package", "version", "direct", "line", "source", "requested", "revision", "branch"] {
            #expect(dependency.keys.contains(key), "dependency lacks \(key)")
        }
    }

    @Test func missingPathExits2WithOneLine() throws {
        let result = try depwatch(["deps", "no/such/dir"])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["no/such/dir: no such file or directory"])
    }

    @Test func unreadableFileExits2WithOneLine() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("go.mod")
        // /proc/self/mem opens but cannot be read at offset 0: unreadable even for root.
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: "/proc/self/mem")
        let result = try depwatch(["deps", file])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["\(file): cannot read the file: Input/output error"])
    }

    @Test func binaryFileExits2WithOneLine() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("Package.resolved", Data([0x7B, 0x00, 0x01, 0xFE, 0x7D]))
        let result = try depwatch(["deps", dir.url.path])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["\(file): not a text file (it holds NUL bytes or is not UTF-8)"])
    }

    @Test func twentyMebibyteFileExits2WithOneLine() throws {
        let dir = try TemporaryDirectory()
        var text = "module example.com/huge\n\ngo 1.21\n\n"
        text += String(repeating: "// padding padding padding padding padding padding padding padding\n", count: 20 * (1 << 20) / 67)
        let file = try dir.write("go.mod", text)
        let result = try depwatch(["deps", dir.url.path])
        #expect(result.status == 2)
        #expect(stderrLines(result).count == 1)
        #expect(result.stderr.hasPrefix("\(file): file is \(text.utf8.count) bytes, over the 16 MiB limit"))
    }

    @Test func directoryWithoutManifestExits3() throws {
        let dir = try TemporaryDirectory()
        try dir.write("README.md", "nothing here\n")
        let result = try depwatch(["deps", dir.url.path])
        #expect(result.status == 3)
        #expect(stderrLines(result) == ["depwatch: no manifest (go.mod, go.work, Package.resolved) found in \(dir.url.path)"])
        #expect(result.stdout.isEmpty)
    }

    @Test func badManifestIsReportedAndTheOthersStillListed() throws {
        let dir = try TemporaryDirectory()
        try dir.write("good/go.mod", "module good\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n")
        try dir.write("bad/go.mod", "module bad\n\nrequire github.com/bluele/gcache 0.0.1\n")
        let result = try depwatch(["deps", dir.url.path, "--format", "json"])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["\(dir.path("bad/go.mod")):3:34: require github.com/bluele/gcache: version \"0.0.1\" invalid: must be of the form v1.2.3"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["manifests"] as? [Any])?.count == 1)
        let error = try #require((json["errors"] as? [[String: Any]])?.first)
        #expect(error["line"] as? Int == 3)
        #expect(error["column"] as? Int == 34)
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try depwatch(["deps", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format"))
    }

    @Test func helpListsTheExitCodes() throws {
        let result = try depwatch(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes:"))
        #expect(result.stdout.contains("64"))
    }
}
