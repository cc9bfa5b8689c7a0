import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch db …` end to end, including interruption and concurrent use.
@Suite struct DatabaseCommandTests {
    static let advisories = TestPaths.shared.appendingPathComponent("advisories").path

    func depwatch(_ arguments: [String], db: String) throws -> CommandResult {
        try CommandRun.depwatch(arguments, in: TestPaths.packageRoot, environment: ["DEPWATCH_DB": db])
    }

    @Test func importStatsQueryExport() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("db/advisories.sqlite")
        let imported = try depwatch(["db", "import", Self.advisories + "/go-vulndb"], db: db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("4291 documents: 4291 new"))
        let stats = try depwatch(["db", "stats"], db: db)
        #expect(stats.stdout.contains("4292 advisories"))
        let query = try depwatch(["db", "query", "github.com/bluele/gcache@v0.0.1"], db: db)
        #expect(query.status == 0)
        #expect(query.stdout.contains("x_DEPWATCH-2021-0001  leak  high  AFFECTED"))
        let json = try depwatch(["db", "query", "github.com/pubnub/go/v5@v5.0.3", "--format", "json"], db: db)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entry = try #require((object["advisories"] as? [[String: Any]])?.first)
        #expect(entry["id"] as? String == "GO-2023-2385")
        #expect((entry["decided_by"] as? String)?.hasPrefix("custom range 1") == true)
        let exported = try depwatch(["db", "export", dir.path("out")], db: db)
        #expect(exported.stdout.contains("x_DEPWATCH-2021-0001.json"))
        #expect(try depwatch(["db", "path"], db: db).stdout == db + "\n")
        #expect(try depwatch(["db", "path", "--db", "/x/y.sqlite"], db: db).stdout == "/x/y.sqlite\n")
    }

    @Test func corruptDatabaseExits2WithOneLine() throws {
        let dir = try TemporaryDirectory()
        let db = try dir.write("advisories.sqlite", String(repeating: "garbage", count: 2000))
        let result = try depwatch(["db", "stats"], db: db)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("not a usable advisory database"))
    }

    @Test func invalidFileIsReportedAndStrictMakesItFatal() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("advisories.sqlite")
        try dir.write("in/bad.json", "{\"id\": \"GHSA-x\", \"modified\": 12}")
        try FileManager.default.copyItem(atPath: Self.advisories + "/go-vulndb/GO-2023-2385.json", toPath: dir.path("in/GO-2023-2385.json"))
        let lenient = try depwatch(["db", "import", dir.path("in")], db: db)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("bad.json:1:"))
        let strictDB = dir.path("strict.sqlite")
        let strict = try depwatch(["db", "import", "--strict", dir.path("in")], db: strictDB)
        #expect(strict.status == 2)
        #expect(try depwatch(["db", "query", "github.com/pubnub/go/v5"], db: strictDB).stdout.contains("no advisory names"))
    }

    /// SIGKILL at several points of an import, each found by watching the import rather than by a delay
    /// (so a loaded machine moves no kill past the end): at once, then once its write-ahead log holds
    /// 32 KB, 1 MB, 4 MB and 8 MB of the about 11 MB it writes. The database must pass its integrity check
    /// and hold either everything it held before or the whole import, nothing in between.
    @Test(arguments: [nil, 32 << 10, 1 << 20, 4 << 20, 8 << 20] as [Int?])
    func killedImportLeavesTheDatabaseIntact(_ walBytes: Int?) throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("advisories.sqlite")
        #expect(try depwatch(["db", "import", Self.advisories + "/ghsa-swifturl"], db: db).status == 0)
        let before = try countAdvisories(db)
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["db", "import", Self.advisories]
        process.environment = ProcessInfo.processInfo.environment.merging(["DEPWATCH_DB": db]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let walBytes {
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Self.size(of: db + "-wal") < walBytes, Date() < deadline { usleep(500) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before its log reached \(walBytes ?? 0) bytes")
        let after = try countAdvisories(db)
        #expect(after == before || after == 4325, "after a kill at \(walBytes ?? 0) bytes of log: \(after) advisories (before: \(before))")
        let check = try depwatch(["db", "query", "github.com/bluele/gcache@v0.0.1"], db: db)
        #expect(check.stdout.contains("AFFECTED"))
        #expect(try integrity(db) == "ok")
    }

    /// The size of the file at `path`, 0 when there is none.
    static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    @Test func fourReadersDuringAnImport() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("advisories.sqlite")
        #expect(try depwatch(["db", "stats"], db: db).status == 0)
        let importer = Process()
        importer.executableURL = TestPaths.binary
        importer.arguments = ["db", "import", Self.advisories]
        importer.environment = ProcessInfo.processInfo.environment.merging(["DEPWATCH_DB": db]) { $1 }
        importer.standardOutput = FileHandle.nullDevice
        try importer.run()
        let failures = ReaderFailures()
        DispatchQueue.concurrentPerform(iterations: 4) { reader in
            for round in 0..<6 {
                let target = round % 2 == 0 ? "github.com/bluele/gcache@v0.0.1" : "github.com/pubnub/go/v5@v5.0.3"
                do {
                    let result = try CommandRun.depwatch(["db", "query", target], environment: ["DEPWATCH_DB": db])
                    if result.status != 0 { failures.add("reader \(reader): exit \(result.status): \(result.stderr)") }
                } catch {
                    failures.add("reader \(reader): \(error)")
                }
            }
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try countAdvisories(db) == 4325)
    }

    func countAdvisories(_ db: String) throws -> Int {
        let stats = try depwatch(["db", "stats"], db: db)
        let first = stats.stdout.split(separator: "\n").first ?? ""
        let words = first.split(separator: " ")
        return words.firstIndex(of: "advisories").flatMap { Int(words[$0 - 1]) } ?? -1
    }

    func integrity(_ db: String) throws -> String {
        let result = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Failures collected from concurrent readers.
final class ReaderFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []

    func add(_ failure: String) {
        lock.lock()
        failures.append(failure)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return failures
    }
}
