import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch scan`, `report` and `history import` end to end, and a scan killed half-way.
@Suite struct ScanCommandTests {
    /// `count` repositories pinning gcache v0.0.1 below `root`.
    static func fleet(_ directory: TemporaryDirectory, count: Int, corrupt: Bool = false) throws -> String {
        let root = directory.path("fleet")
        for index in 0..<count {
            let path = root + "/svc-\(index)"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let goMod = corrupt && index == 0 ? "module broken\n\nrequire (\n" : "module example.com/svc\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"
            try Data(goMod.utf8).write(to: URL(fileURLWithPath: path + "/go.mod"))
            for arguments in [["init", "-q", "-b", "main"], ["add", "-A"],
                              ["-c", "user.email=t@x", "-c", "user.name=t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "init"]] {
                _ = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/git"), arguments, in: URL(fileURLWithPath: path),
                                       environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.url.path])
            }
        }
        return root
    }

    @Test func exitCodesFollowFailuresThenTheThreshold() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.fleet(directory, count: 3)
        let options = ["--db", directory.path("db.sqlite"), "--history", directory.path("history.sqlite")]
        #expect(try CommandRun.depwatch(["scan", "--repositories", root] + options).status == 1)
        #expect(try CommandRun.depwatch(["scan", "--repositories", root, "--fail-on", "none"] + options).status == 0)
        let broken = try TemporaryDirectory()
        let failing = try CommandRun.depwatch(["scan", "--repositories", try Self.fleet(broken, count: 2, corrupt: true), "--fail-on", "none"] + options)
        #expect(failing.status == 2)
        #expect(failing.stderr.contains("svc-0: not scanned"))
        let json = try CommandRun.depwatch(["report", "--format", "json"] + options)
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["schema"] as? String == "depwatch.report/1")
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.report-1.schema.json").path
        #expect(try SchemaValidation.errors(of: json.stdout, schemaPath: schema, draft: 2020) == [])
        #expect(try CommandRun.depwatch(["report", "--format", "markdown", "--run", "999"] + options).status == 2)
    }

    @Test func shardFilesImportAsOneRun() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.fleet(directory, count: 5)
        let database = ["--db", directory.path("db.sqlite")]
        for index in 1...2 {
            let shard = try CommandRun.depwatch(["scan", "--repositories", root, "--shard", "\(index)/2", "--output", directory.path("shard\(index).json")] + database)
            #expect(shard.status == 1, "\(shard.stderr)")
        }
        let imported = try CommandRun.depwatch(["history", "import", directory.path("shard1.json"), directory.path("shard2.json"),
                                                "--history", directory.path("h.sqlite")] + database)
        #expect(imported.stdout.contains("imported 5 repositories from 2 file(s) as run 1"), "\(imported.stderr)")
        let markdown = try CommandRun.depwatch(["report", "--format", "markdown", "--history", directory.path("h.sqlite")] + database)
        #expect(markdown.stdout.contains("5 repositories scanned"))
    }

    @Test func aKilledScanLeavesAReadableHistoryAndAnIncompleteRun() throws {
        let directory = try TemporaryDirectory()
        let root = try Self.fleet(directory, count: 80)
        let options = ["--db", directory.path("db.sqlite"), "--history", directory.path("history.sqlite")]
        #expect(try CommandRun.depwatch(["scan", "--repositories", root, "--jobs", "1"] + options).status == 1)
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["scan", "--repositories", root, "--jobs", "1"] + options
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill it once a few repositories are committed.
        var seen = Data()
        while seen.split(separator: UInt8(ascii: "\n")).count < 5 {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let check = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("PRAGMA integrity_check").fetchone()[0])
            print(",".join(f"{i}:{s}:{n}" for i, s, n in db.execute(
                "SELECT r.id, r.status, count(s.name) FROM run r LEFT JOIN repository_scan s ON s.run = r.id GROUP BY r.id ORDER BY r.id")))
            """, directory.path("history.sqlite")])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ok", "\(check.stderr)")
        let runs = lines.last?.split(separator: ",").map { $0.split(separator: ":") } ?? []
        #expect(runs.count == 2)
        #expect(runs.first.map { $0[1] == "complete" && $0[2] == "80" } == true)
        #expect(runs.last.map { $0[1] == "incomplete" && Int($0[2])! < 80 } == true, "\(lines)")
        let report = try CommandRun.depwatch(["report", "--format", "json"] + options)
        #expect(report.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect((object["run"] as? [String: Any])?["id"] as? Int == 1)
        #expect((object["open"] as? [Any])?.count == 80)
    }
}
