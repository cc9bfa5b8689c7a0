import Foundation
import GRDB

/// The local advisory database: an SQLite file (WAL mode, so readers never wait for an import) holding
/// each advisory's raw OSV JSON and the indexes that find advisories by package and alias.
public final class AdvisoryStore: Sendable {
    /// The database file.
    public let path: String
    let pool: any DatabaseWriter

    /// Opens the database at `path`, creating it (with the curated advisories) when it does not exist.
    /// `readingOnly` is for one-shot commands that only read from one thread (an audit): when the file is
    /// already ready, one read-only connection is opened instead of a pool's writer and reader (about
    /// half of opening's time); a file that needs creating, migrating or seeding is opened as usual.
    public init(path: String, readingOnly: Bool = false) throws(AdvisoryStoreError) {
        self.path = path
        do {
            try SQLiteFile.refuseIrregular(path)
        } catch {
            throw .notADatabase(path: path, reason: "\(error)")
        }
        if readingOnly, let queue = Self.readyReadOnlyQueue(path) {
            pool = queue
            return
        }
        do {
            pool = try SQLiteFile.openPool(path: path, pageSize: 16384)
            try prepare()
        } catch let error as AdvisoryStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// A store over a connection already opened (a database being built elsewhere, see
    /// `importAdvisories(from:into:strict:)`); prepared like any other.
    init(path: String, preparing writer: any DatabaseWriter) throws {
        self.path = path
        pool = writer
        try prepare()
    }

    /// A read-only connection to `path` when the file is depwatch's, migrated, and holds this binary's
    /// curated advisories; `nil` otherwise (the caller opens it for writing and prepares it).
    private static func readyReadOnlyQueue(_ path: String) -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(SQLiteFile.busyTimeout)
        // Pages read in place from the file's mapping rather than copied out by read(2): an audit reads
        // hundreds of advisory documents spread over the file.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 268435456") }
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration),
              let state = try? queue.read({ db in try openingState(db) }),
              state.belongs, state.migrated, !state.superseded,
              state.curatedDigest == CuratedAdvisories.digest else { return nil }
        return queue
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

    /// What opening needs to know, read in one transaction.
    private struct OpeningState: Sendable {
        var belongs: Bool
        var migrated: Bool
        var superseded: Bool
        var curatedDigest: String?
    }

    /// Checks that the file is depwatch's, migrates it when needed, and loads the compiled-in curated
    /// advisories when the database does not have this binary's set — reading once when nothing is needed.
    private func prepare() throws {
        let migrator = StoreSchema.migrator
        let state = try pool.read { db in try Self.openingState(db) }
        if !state.belongs {
            throw AdvisoryStoreError.foreignDatabase(path: path)
        }
        if state.superseded { throw AdvisoryStoreError.newerSchema(path: path) }
        if !state.migrated { try migrator.migrate(pool) }
        if state.curatedDigest != CuratedAdvisories.digest { try seedCurated() }
    }

    /// What opening needs to know, read in one transaction.
    private static func openingState(_ db: Database) throws -> OpeningState {
        let migrator = StoreSchema.migrator
        let hasMeta = try db.tableExists("meta")
        return OpeningState(
            belongs: try SQLiteFile.belongs(db, to: StoreSchema.applicationID),
            migrated: try migrator.hasCompletedMigrations(db), superseded: try migrator.hasBeenSuperseded(db),
            curatedDigest: hasMeta ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'curated'") : nil)
    }

    /// Loads the compiled-in curated advisories.
    private func seedCurated() throws {
        try pool.write { db in
            var writer = try RecordWriter(db, source: CuratedAdvisories.source, curated: true)
            for (_, json) in CuratedAdvisories.documents {
                _ = try writer.write(try OSVRecordScanner.record(Array(json.utf8)))
            }
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('curated', ?)", arguments: [CuratedAdvisories.digest])
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
