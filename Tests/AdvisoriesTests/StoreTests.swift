import DepwatchTestSupport
import Foundation
import GRDB
import Testing
@testable import Advisories

@Suite struct StoreImportTests {
    static let advisories = TestPaths.shared.appendingPathComponent("advisories").path

    /// The distinct ids of the shared data, and for each the newest `modified`, read independently.
    static func expectedIDs() throws -> [String: String] {
        var newest: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: advisories)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: advisories + "/" + relative))) as! [String: Any]
            let id = object["id"] as! String, modified = object["modified"] as! String
            if let current = newest[id], current >= modified { continue }
            newest[id] = modified
        }
        return newest
    }

    @Test func oneStoredAdvisoryPerDistinctIDAndTheNewestWins() throws {
        let store = try TestStore.shared()
        let expected = try Self.expectedIDs()
        #expect(try store.count() == expected.count + CuratedAdvisories.documents.count)
        let stored = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, modified FROM advisory WHERE curated = 0").map { ($0["id"] as String, $0["modified"] as String) }
        }
        #expect(Dictionary(uniqueKeysWithValues: stored) == expected)
        // The ids present in both Swift folders, in different versions.
        let both = Set(try FileManager.default.contentsOfDirectory(atPath: Self.advisories + "/ghsa-swifturl"))
            .intersection(try FileManager.default.contentsOfDirectory(atPath: Self.advisories + "/ghsa-swift-legacy"))
        #expect(both.count >= 2)
    }

    @Test func reimportChangesNothing() throws {
        let (store, _dir) = try TestStore.fresh()
        _ = _dir
        try store.importAdvisories(from: [Self.advisories + "/ghsa-swifturl"])
        let before = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id || modified || raw FROM advisory ORDER BY id") }
        let report = try store.importAdvisories(from: [Self.advisories + "/ghsa-swifturl"])
        #expect(report.inserted == 0 && report.updated == 0)
        #expect(report.unchanged == 28)
        let after = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id || modified || raw FROM advisory ORDER BY id") }
        #expect(before == after)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM affected_package WHERE advisory IN (SELECT rowid FROM advisory WHERE curated = 0)") } == 
                (try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM affected_package WHERE advisory IN (SELECT rowid FROM advisory WHERE curated = 0)") }))
    }

    static func advisoryJSON(id: String = "GHSA-test-0001", modified: String, fixed: String) -> String {
        """
        {"id": "\(id)", "modified": "\(modified)", "summary": "fixed in \(fixed)", "aliases": ["CVE-2099-0001"],
         "affected": [{"package": {"ecosystem": "Go", "name": "example.com/m"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "\(fixed)"}]}]}]}
        """
    }

    @Test func newerModifiedReplacesOlderNeverOverwritesNewer() throws {
        let (store, dir) = try TestStore.fresh()
        let v1 = try dir.write("v1/a.json", Self.advisoryJSON(modified: "2024-01-01T00:00:00Z", fixed: "1.0.0"))
        let v2 = try dir.write("v2/a.json", Self.advisoryJSON(modified: "2024-01-01T00:00:00.5+00:00", fixed: "2.0.0"))
        #expect(try store.importAdvisories(from: [v1]).inserted == 1)
        #expect(try store.importAdvisories(from: [v2]).updated == 1)
        #expect(try store.importAdvisories(from: [v1]).older == 1)
        let summary = try store.query(package: "example.com/m", version: nil, ecosystem: .go).first?.stored.advisory.summary
        #expect(summary == "fixed in 2.0.0")
        // Same instant, other spelling: unchanged.
        let same = try dir.write("v3/a.json", Self.advisoryJSON(modified: "2024-01-01T01:00:00.500+01:00", fixed: "3.0.0"))
        #expect(try store.importAdvisories(from: [same]).unchanged == 1)
    }

    @Test func malformedFileAmongGoodOnesIsReportedAndSkipped() throws {
        let (store, dir) = try TestStore.fresh()
        try dir.write("in/good.json", Self.advisoryJSON(id: "GHSA-good", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0"))
        try dir.write("in/bad.json", "{\n  \"id\": \"GHSA-bad\",\n  \"modified\": \"2024-01-01T00:00:00Z\",\n  \"affected\": [,]\n}\n")
        try dir.write("in/not-osv.json", "{\"name\": \"package.json, not OSV\"}")
        try dir.write("in/kind.json", "{\"id\": \"x_DEPWATCH-9\", \"modified\": \"2024-01-01T00:00:00Z\", \"database_specific\": {\"depwatch\": {\"kind\": \"bug\"}}}")
        let report = try store.importAdvisories(from: [dir.path("in")])
        #expect(report.inserted == 1)
        #expect(report.problems.map(\.description).sorted() == [
            "\(dir.path("in/bad.json")):4:16: expected an object",
            "\(dir.path("in/kind.json")):1:1: unknown database_specific.depwatch.kind \"bug\"; expected one of security, leak, crash, performance, correctness, unmaintained",
            "\(dir.path("in/not-osv.json")):1:1: no \"id\": not an OSV advisory",
        ])
    }

    @Test func strictStopsAndImportsNothing() throws {
        let (store, dir) = try TestStore.fresh()
        try dir.write("in/a-good.json", Self.advisoryJSON(id: "GHSA-good", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0"))
        try dir.write("in/b-bad.json", "{")
        let before = try store.count()
        #expect(throws: AdvisoryStoreError.self) { try store.importAdvisories(from: [dir.path("in")], strict: true) }
        #expect(try store.count() == before)
    }

    @Test func zipImportRefusesHostileEntryNames() throws {
        let (store, dir) = try TestStore.fresh()
        let zip = dir.path("osv.zip")
        try ZipFixture.write(zip, entries: [
            ("GHSA-zip-0001.json", Self.advisoryJSON(id: "GHSA-zip-0001", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
            ("nested/GHSA-zip-0002.json", Self.advisoryJSON(id: "GHSA-zip-0002", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
            ("../evil.json", Self.advisoryJSON(id: "GHSA-evil-1", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
            ("/etc/evil.json", Self.advisoryJSON(id: "GHSA-evil-2", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
            ("a/../../evil.json", Self.advisoryJSON(id: "GHSA-evil-3", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
        ])
        let report = try store.importAdvisories(from: [zip])
        #expect(report.inserted == 2)
        #expect(report.problems.count == 3)
        #expect(report.problems.allSatisfy { $0.message.hasPrefix("refused") })
        #expect(try store.query(package: "example.com/m", version: nil, ecosystem: .go).map(\.stored.advisory.id) == ["GHSA-zip-0001", "GHSA-zip-0002"])
        #expect(!FileManager.default.fileExists(atPath: dir.url.deletingLastPathComponent().appendingPathComponent("evil.json").path))
    }

    /// Entry names refused before anything is read: absolute in either separator, a drive letter, a `..`
    /// component between either separator; dots inside a name are ordinary.
    @Test(arguments: [
        ("../evil.json", true), ("/etc/evil.json", true), ("\\evil.json", true), ("C:evil.json", true),
        ("a/../../evil.json", true), ("a\\..\\evil.json", true), ("..", true), ("a/..", true),
        ("GHSA-1.json", false), ("go/GO-2024-1.json", false), ("a..b/x.json", false), ("...json", false),
        (".../x.json", false), ("é/../x.json", true), ("é/x.json", false),
    ])
    func hostileEntryNames(name: String, hostile: Bool) {
        #expect(ImportSource.isHostile(name) == hostile)
    }

    /// A name outside ASCII keeps its characters in messages (the listing's ASCII fast path falls back).
    @Test func zipEntryNameOutsideASCIIIsKept() throws {
        let (store, dir) = try TestStore.fresh()
        let zip = dir.path("names.zip")
        try ZipFixture.write(zip, entries: [("dossier-é/GHSA-bad.json", "{")])
        let report = try store.importAdvisories(from: [zip])
        #expect(report.problems.map(\.path) == ["\(zip):dossier-é/GHSA-bad.json"])
    }

    /// An entry whose header says it is small but that inflates past the document limit is stopped while
    /// inflating, and the other entries import.
    @Test func zipEntryThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        let (store, dir) = try TestStore.fresh()
        let zip = dir.path("lying.zip")
        // Letters from a fixed generator: incompressible enough to pass the ratio guard (spaces would be
        // refused as a zip bomb first), so that the size limit is what stops it.
        var state: UInt64 = 1
        let big = String(decoding: (0..<(17 << 20)).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(ascii: "a") + UInt8((state >> 33) % 26)
        }, as: UTF8.self)
        try ZipFixture.write(zip, entries: [
            ("GHSA-zip-0001.json", Self.advisoryJSON(id: "GHSA-zip-0001", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
            ("GHSA-zip-0002.json", "{" + big + "}"),
        ])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        // Rewrite the second entry's uncompressed size to 100 bytes in its local header and its central directory record.
        func little(_ offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
        func put(_ offset: Int, _ value: UInt32) { for i in 0..<4 { bytes[offset + i] = UInt8((value >> (8 * i)) & 0xFF) } }
        var patched = 0
        for offset in 0..<(bytes.count - 30) {
            switch little(offset) {
            case 0x04034b50 where little(offset + 22) == UInt32(big.utf8.count + 2): put(offset + 22, 100); patched += 1
            case 0x02014b50 where little(offset + 24) == UInt32(big.utf8.count + 2): put(offset + 24, 100); patched += 1
            default: continue
            }
        }
        #expect(patched == 2)
        try Data(bytes).write(to: URL(fileURLWithPath: zip))
        let report = try store.importAdvisories(from: [zip])
        #expect(report.inserted == 1)
        #expect(report.problems.map(\.path) == ["\(zip):GHSA-zip-0002.json"])
        #expect(report.problems.first?.message == "entry inflates past 16 MiB",
                "\(report.problems)")
    }

    /// An entry whose bytes do not match its CRC-32 is reported, not imported.
    @Test func zipEntryWithAWrongChecksumIsRefused() throws {
        let (store, dir) = try TestStore.fresh()
        let zip = dir.path("corrupt.zip")
        try ZipFixture.write(zip, entries: [
            ("GHSA-zip-0001.json", Self.advisoryJSON(id: "GHSA-zip-0001", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0")),
        ])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        // The CRC-32 sits at offset 14 of the local header and 16 of the central directory record.
        for offset in 0..<(bytes.count - 4) where bytes[offset..<offset + 4].elementsEqual([0x50, 0x4b, 0x01, 0x02]) { bytes[offset + 16] ^= 0xFF }
        for offset in 0..<(bytes.count - 4) where bytes[offset..<offset + 4].elementsEqual([0x50, 0x4b, 0x03, 0x04]) { bytes[offset + 14] ^= 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: zip))
        let report = try store.importAdvisories(from: [zip])
        #expect(report.inserted == 0)
        #expect(report.problems.first?.message.contains("CRC-32") == true, "\(report.problems)")
    }

    /// Importing a zip of the shared advisories stores exactly what importing the folder stores.
    @Test func zipImportEqualsFolderImport() throws {
        let shared = TestPaths.shared.appendingPathComponent("advisories").path
        let files = ((FileManager.default.enumerator(atPath: shared)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        let (zipStore, dir) = try TestStore.fresh()
        let zip = dir.path("all.zip")
        try ZipFixture.write(zip, entries: try files.reversed().map { ($0, try String(contentsOfFile: shared + "/" + $0, encoding: .utf8)) })
        let (folderStore, _) = try TestStore.fresh()
        let zipped = try zipStore.importAdvisories(from: [zip])
        let folder = try folderStore.importAdvisories(from: [shared])
        #expect(zipped.documents == files.count)
        // The archive's order is its own (here the folder's, reversed): a document in two folders is
        // "updated" in one order and "older than stored" in the other, and the newer one is kept either way.
        #expect((zipped.inserted, zipped.updated + zipped.older, zipped.problems.count)
                == (folder.inserted, folder.updated + folder.older, folder.problems.count))
        #expect(try zipStore.count() == folderStore.count())
        for package in ["github.com/bluele/gcache", "stdlib", "github.com/gin-gonic/gin"] {
            #expect(try zipStore.query(package: package, version: nil, ecosystem: .go).map(\.stored.advisory.id)
                    == folderStore.query(package: package, version: nil, ecosystem: .go).map(\.stored.advisory.id))
        }
        for package in ["github.com/vapor/vapor", "github.com/apple/swift-nio-http2"] {
            #expect(try zipStore.query(package: package, version: nil, ecosystem: .swift).map { $0.stored.advisory.id + $0.stored.advisory.modified }
                    == folderStore.query(package: package, version: nil, ecosystem: .swift).map { $0.stored.advisory.id + $0.stored.advisory.modified })
        }
    }

    @Test func eachImportIsRecorded() throws {
        let (store, dir) = try TestStore.fresh()
        let file = try dir.write("a.json", Self.advisoryJSON(modified: "2024-01-01T00:00:00Z", fixed: "1.0.0"))
        try store.importAdvisories(from: [file])
        let last = try #require(try store.stats().lastImport)
        #expect(last.source == file)
        #expect(last.inserted == 1)
    }

    @Test func aliasesAreStoredForMerging() throws {
        let store = try TestStore.shared()
        #expect(try store.aliases(of: "GO-2023-2385").contains("GHSA-5844-q3fc-56rh"))
    }
}

@Suite struct StoreOpenTests {
    @Test func newDatabaseHoldsTheCuratedAdvisories() throws {
        let (store, _dir) = try TestStore.fresh()
        _ = _dir
        let answers = try store.query(package: "github.com/bluele/gcache", version: "v0.0.1", ecosystem: .go)
        let gcache = try #require(answers.first)
        #expect(gcache.stored.advisory.id == "x_DEPWATCH-2021-0001")
        #expect(gcache.stored.kind == .leak)
        #expect(gcache.verdict?.outcome == .affected)
        #expect(try store.query(package: "github.com/bluele/gcache", version: "v0.0.2", ecosystem: .go).first?.verdict?.outcome == .notAffected)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func garbageFileIsNotADatabase() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("advisories.sqlite", String(repeating: "not sqlite ", count: 1000))
        #expect { try AdvisoryStore(path: path) } throws: { error in
            if case .notADatabase = error as? AdvisoryStoreError { return true }
            return false
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("not sqlite"), "the file is left as it was")
    }

    @Test func foreignSQLiteDatabaseIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect { try AdvisoryStore(path: path) } throws: { error in
            if case .foreignDatabase = error as? AdvisoryStoreError { return true }
            return false
        }
    }

    @Test func readingOnlyOpensAReadyFileAndPreparesAnyOther() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("new.sqlite")
        // Missing: created and seeded as usual.
        let created = try AdvisoryStore(path: path, readingOnly: true)
        #expect(try created.count() == CuratedAdvisories.documents.count)
        // Ready: read through one read-only connection, with the same answers.
        let reading = try AdvisoryStore(path: path, readingOnly: true)
        #expect(try reading.count() == CuratedAdvisories.documents.count)
        #expect(try reading.advisories(naming: "github.com/bluele/gcache", ecosystem: .go).map(\.advisory.id) == ["x_DEPWATCH-2021-0001"])
        // Foreign: refused either way.
        let other = dir.path("other.sqlite")
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect { try AdvisoryStore(path: other, readingOnly: true) } throws: { error in
            if case .foreignDatabase = error as? AdvisoryStoreError { return true }
            return false
        }
    }

    @Test func exportWritesCuratedAdvisoriesBackAsOSV() throws {
        let (store, dir) = try TestStore.fresh()
        let written = try store.exportCurated(to: dir.path("export"))
        #expect(written.map { ($0 as NSString).lastPathComponent } == CuratedAdvisories.documents.map(\.name))
        let original = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("advisories/x_DEPWATCH-2021-0001.json"), encoding: .utf8)
        #expect(try String(contentsOfFile: written[0], encoding: .utf8) == original)
    }
}

/// `importAdvisories(from:into:)`: a new database is built beside its path and linked into place whole.
@Suite struct StoreCreationTests {
    /// Two advisories and, with `bad`, a document that is not JSON.
    static func inputs(in dir: TemporaryDirectory, bad: Bool = false) throws -> String {
        try dir.write("in/a.json", StoreImportTests.advisoryJSON(id: "GHSA-create-0001", modified: "2024-01-01T00:00:00Z", fixed: "1.0.0"))
        try dir.write("in/b.json", StoreImportTests.advisoryJSON(id: "GHSA-create-0002", modified: "2024-02-01T00:00:00Z", fixed: "2.0.0"))
        if bad { try dir.write("in/c.json", "{") }
        return dir.path("in")
    }

    /// The schema (tables and indexes as SQL) and every row the tables hold, in a stable order.
    static func rows(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
                + String.fetchAll(db, sql: "SELECT id || ' ' || modified || ' ' || kind || ' ' || severity || ' ' || raw FROM advisory ORDER BY id")
                + String.fetchAll(db, sql: """
                    SELECT a.id || ' ' || p.ecosystem || ' ' || p.name || ' ' || ifnull(p.key, '-') FROM affected_package p
                    JOIN advisory a ON a.rowid = p.advisory ORDER BY 1
                    """)
                + String.fetchAll(db, sql: "SELECT a.id || ' ' || l.alias FROM alias l JOIN advisory a ON a.rowid = l.advisory ORDER BY 1")
        }
    }

    @Test func aNewDatabaseHoldsWhatAnImportIntoAnExistingOneHolds() throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.inputs(in: dir)
        let created = dir.path("db/created.sqlite")
        let report = try AdvisoryStore.importAdvisories(from: [inputs], into: created)
        #expect(report.inserted == 2 && report.problems.isEmpty)
        // Only the database is left: no temporary file, journal or log.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("db")) == ["created.sqlite"])
        let mode = try DatabaseQueue(path: created).read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(mode.0 == "wal" && mode.1 == ["ok"])

        let (existing, existingDirectory) = try TestStore.fresh()
        try existing.importAdvisories(from: [inputs])
        #expect(try Self.rows(created) == Self.rows(existing.path))
        // It opens as any database does, and a second import goes through it.
        let reopened = try AdvisoryStore(path: created)
        #expect(try reopened.count() == existing.count())
        let again = try AdvisoryStore.importAdvisories(from: [inputs], into: created)
        #expect(again.unchanged == 2 && again.inserted == 0)
        withExtendedLifetime(existingDirectory) {}
    }

    @Test func aFailedImportLeavesNoDatabaseAndNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.inputs(in: dir, bad: true)
        let path = dir.path("db/strict.sqlite")
        #expect(throws: AdvisoryStoreError.self) { try AdvisoryStore.importAdvisories(from: [inputs], into: path, strict: true) }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path("db"))) ?? [] == [])
    }

    @Test func aDatabaseCreatedMeanwhileIsNeverReplaced() throws {
        let dir = try TemporaryDirectory()
        let built = try dir.write("db/a.sqlite.creating-1", "built")
        let other = try dir.write("db/a.sqlite", "another process's database")
        #expect(try AdvisoryStore.publish(built, as: other, directory: dir.path("db")) == false)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "another process's database")
    }

    @Test func abandonedBuildsAreRemovedAndLiveOnesKept() throws {
        let dir = try TemporaryDirectory()
        // A process id that no longer runs: a child that has exited and been reaped.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let gone = child.processIdentifier
        try dir.write("db/a.sqlite.creating-\(gone)", "abandoned")
        try dir.write("db/a.sqlite.creating-\(getppid())", "in progress")  // a live process
        try dir.write("db/b.sqlite.creating-\(gone)", "another database's")
        AdvisoryStore.removeAbandonedBuilds(of: dir.path("db/a.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("db")).sorted()
                == ["a.sqlite.creating-\(getppid())", "b.sqlite.creating-\(gone)"])
    }
}
