import Advisories
import Foundation
import GRDB

/// The scan history: a SQLite file of its own (default: `history.sqlite` beside the advisory database).
/// A run is created `incomplete`, each repository's results are committed in their own transaction as
/// they come, and the run is marked `complete` at the end — so a scan killed half-way leaves a readable
/// history whose last run is still marked incomplete, and reports only ever compare complete runs.
public final class HistoryStore: Sendable {
    /// The file.
    public let path: String
    let pool: DatabasePool
    static let applicationID: Int32 = 0x4450_5748

    /// Opens (creating and migrating when needed) the history at `path`.
    public init(path: String) throws(ScanError) {
        self.path = path
        do {
            pool = try SQLiteFile.openPool(path: path)
            guard try pool.read({ db in try SQLiteFile.belongs(db, to: Self.applicationID) }) else {
                throw ScanError.history(path: path, reason: "it is not a depwatch scan history; give another --history path")
            }
            try Self.migrator.migrate(pool)
        } catch let error as ScanError {
            throw error
        } catch {
            throw .history(path: path, reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    started REAL NOT NULL,
                    finished REAL,
                    status TEXT NOT NULL CHECK (status IN ('incomplete', 'complete')),
                    advisories INTEGER NOT NULL,
                    last_import TEXT,
                    shards TEXT,
                    open INTEGER
                );
                CREATE TABLE advisory_summary (
                    id TEXT PRIMARY KEY,
                    summary TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE repository_scan (
                    run INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    path TEXT NOT NULL,
                    revision TEXT,
                    status TEXT NOT NULL,
                    error TEXT,
                    warnings TEXT NOT NULL,
                    scanned_at REAL NOT NULL,
                    PRIMARY KEY (run, name)
                );
                CREATE TABLE finding (
                    run INTEGER NOT NULL,
                    repository TEXT NOT NULL,
                    manifest TEXT NOT NULL,
                    package TEXT NOT NULL,
                    version TEXT NOT NULL,
                    id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    fixed TEXT,
                    ignored INTEGER NOT NULL,
                    first_seen REAL NOT NULL,
                    FOREIGN KEY (run, repository) REFERENCES repository_scan(run, name) ON DELETE CASCADE
                );
                CREATE INDEX finding_by_run ON finding(run, repository);
                CREATE TABLE upgrade (
                    run INTEGER NOT NULL,
                    repository TEXT NOT NULL,
                    manifest TEXT NOT NULL,
                    package TEXT NOT NULL,
                    from_version TEXT NOT NULL,
                    to_version TEXT,
                    fixes TEXT NOT NULL,
                    FOREIGN KEY (run, repository) REFERENCES repository_scan(run, name) ON DELETE CASCADE
                );
                CREATE INDEX upgrade_by_run ON upgrade(run, repository);
                """)
        }
        return migrator
    }

    /// Starts a run (`incomplete` until `finish`); returns its id.
    public func beginRun(started: Double, database: DatabaseState, shards: String? = nil) throws(ScanError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO run (started, status, advisories, last_import, shards) VALUES (?, 'incomplete', ?, ?, ?)",
                           arguments: [started, database.advisories, database.lastImport, shards])
            return db.lastInsertedRowID
        }
    }

    /// Commits one repository's results to `run`, each finding with the time it was first seen: carried
    /// over from the repository's last successful scan in a complete run when the finding was there too.
    public func record(_ scan: RepositoryScan, in run: Int64) throws(ScanError) {
        try write { db in
            let started = try Double.fetchOne(db, sql: "SELECT started FROM run WHERE id = ?", arguments: [run]) ?? scan.scannedAt
            let warnings = String(decoding: try JSONEncoder().encode(scan.warnings), as: UTF8.self)
            try db.execute(sql: """
                INSERT OR REPLACE INTO repository_scan (run, name, path, revision, status, error, warnings, scanned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, scan.name, scan.path, scan.revision, scan.status.rawValue, scan.error, warnings, scan.scannedAt])
            guard scan.status == .ok else { return }
            let earlier = try Self.firstSeen(db, repository: scan.name, before: run)
            // Summaries once per advisory, not once per finding: they are most of a finding's bytes.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO finding (run, repository, manifest, package, version, id, kind, severity, fixed, ignored, first_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let summary = try db.cachedStatement(sql: "INSERT OR REPLACE INTO advisory_summary (id, summary) VALUES (?, ?)")
            for finding in scan.findings {
                try insert.execute(arguments: [run, scan.name, finding.manifest, finding.package, finding.version, finding.id, finding.kind.rawValue,
                                               finding.severity.rawValue, finding.fixed, finding.ignored, earlier[finding.identity] ?? started])
                try summary.execute(arguments: [finding.id, finding.summary])
            }
            for upgrade in scan.upgrades {
                let fixes = String(decoding: try JSONEncoder().encode(upgrade.fixes), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO upgrade (run, repository, manifest, package, from_version, to_version, fixes) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [run, scan.name, upgrade.manifest, upgrade.package, upgrade.from, upgrade.to, fixes])
            }
        }
    }

    /// When each finding of `repository`'s last successful scan in a complete run before `run` was first seen.
    static func firstSeen(_ db: Database, repository: String, before run: Int64) throws -> [String: Double] {
        guard let previous = try Int64.fetchOne(db, sql: """
            SELECT s.run FROM repository_scan s JOIN run r ON r.id = s.run
            WHERE s.name = ? AND s.status = 'ok' AND r.status = 'complete' AND r.id < ?
            ORDER BY r.id DESC LIMIT 1
            """, arguments: [repository, run]) else { return [:] }
        var seen: [String: Double] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT manifest, package, version, id, first_seen FROM finding WHERE run = ? AND repository = ?",
                                       arguments: [previous, repository])
        while let row = try rows.next() {
            let identity = [row[0] as String, row[1] as String, row[2] as String, row[3] as String].joined(separator: "\u{0}")
            seen[identity] = row[4]
        }
        return seen
    }

    /// Marks `run` complete, with its count of open findings (the report's trend).
    public func finish(_ run: Int64, finished: Double) throws(ScanError) {
        try write { db in
            try db.execute(sql: """
                UPDATE run SET status = 'complete', finished = ?,
                    open = (SELECT count(*) FROM finding WHERE finding.run = run.id AND ignored = 0)
                WHERE id = ?
                """, arguments: [finished, run])
        }
    }

    /// Loads shard results as one complete run (repositories in name order); returns its id.
    public func importRun(_ documents: [ScanDocument]) throws(ScanError) -> Int64 {
        guard let first = documents.first else { throw .scanFile(path: "-", reason: "no scan file to import") }
        let started = documents.map(\.started).min() ?? first.started
        let shards = documents.compactMap(\.shard).sorted().joined(separator: ",")
        let run = try beginRun(started: started, database: first.database, shards: shards.isEmpty ? nil : shards)
        for scan in documents.flatMap(\.repositories).sorted(by: { $0.name < $1.name }) { try record(scan, in: run) }
        try finish(run, finished: documents.map(\.finished).max() ?? started)
        return run
    }

    func write<T>(_ body: (Database) throws -> T) throws(ScanError) -> T {
        do { return try pool.write(body) } catch { throw .history(path: path, reason: "\(error)") }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(ScanError) -> T {
        do { return try pool.read(body) } catch { throw .history(path: path, reason: "\(error)") }
    }
}
