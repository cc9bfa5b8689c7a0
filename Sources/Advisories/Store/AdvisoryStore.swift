import Foundation
import GRDB

/// The local advisory database: an SQLite file (WAL mode, so readers never wait for an import) holding
/// each advisory's raw OSV JSON and the indexes that find advisories by package and alias.
public final class AdvisoryStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// How long a connection waits for another process's lock before failing.
    static let busyTimeout: TimeInterval = 30

    /// Opens the database at `path`, creating it (with the curated advisories) when it does not exist.
    public init(path: String) throws(AdvisoryStoreError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        // In WAL mode NORMAL still keeps every transaction atomic: a crash loses at most the last commit,
        // never consistency; FULL would add an fsync to every commit.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try checkOwnership()
            try migrateIfNeeded()
            try seedCuratedIfStale()
        } catch let error as AdvisoryStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Maps SQLite's errors on open to what they mean for the user.
    static func classify(_ error: any Error, path: String) -> AdvisoryStoreError {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notADatabase(path: path, reason: error.message ?? "file is not a database")
            default:
                return .database(path: path, reason: error.message ?? "\(error)")
            }
        }
        return .database(path: path, reason: "\(error)")
    }

    private func checkOwnership() throws {
        let (applicationID, tables) = try pool.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if applicationID != StoreSchema.applicationID && (applicationID != 0 || tables > 0) {
            throw AdvisoryStoreError.foreignDatabase(path: path)
        }
    }

    private func migrateIfNeeded() throws {
        let migrator = StoreSchema.migrator
        let (completed, superseded) = try pool.read { db in
            (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
        }
        if superseded { throw AdvisoryStoreError.newerSchema(path: path) }
        if !completed { try migrator.migrate(pool) }
    }

    /// Loads the compiled-in curated advisories when the database does not have this binary's set.
    private func seedCuratedIfStale() throws {
        let digest = CuratedAdvisories.digest
        let stored = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'curated'") }
        guard stored != digest else { return }
        try pool.write { db in
            var writer = try RecordWriter(db, source: CuratedAdvisories.source, curated: true)
            for (_, json) in CuratedAdvisories.documents {
                _ = try writer.write(try OSVRecordScanner.record(Array(json.utf8)))
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('curated', ?)", arguments: [digest])
        }
    }

    /// Runs `body` against a consistent snapshot, mapping SQLite errors to `AdvisoryStoreError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(AdvisoryStoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
    public func integrityCheck() throws(AdvisoryStoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
