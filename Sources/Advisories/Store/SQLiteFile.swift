import Foundation
import GRDB

/// How depwatch opens its SQLite files — the advisory database and the scan history — in one place.
public enum SQLiteFile {
    /// How long a connection waits for another process's lock before failing.
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating the file and its folder when needed) a pool on `path`: WAL mode, so readers never
    /// wait for a writer; a 30 s busy timeout; `synchronous = NORMAL`, which in WAL mode still keeps every
    /// transaction atomic (a crash loses at most the last commit, never consistency) where FULL would add
    /// an fsync to every commit. `pageSize` applies to a file being created.
    public static func openPool(path: String, pageSize: Int? = nil) throws -> DatabasePool {
        try refuseIrregular(path)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        let pragmas = (pageSize.map { "PRAGMA page_size = \($0); " } ?? "") + "PRAGMA synchronous = NORMAL"
        configuration.prepareDatabase { db in try db.execute(sql: pragmas) }
        return try DatabasePool(path: path, configuration: configuration)
    }

    /// Why a path cannot hold an SQLite file: it is a FIFO, a socket, a device or a directory (SQLite
    /// would wait on a FIFO forever).
    public struct NotARegularFile: Error, CustomStringConvertible, Sendable {
        /// The path.
        public var path: String
        /// What it is instead.
        public var kind: String

        public var description: String { "it is \(kind), not a regular file; name a file" }
    }

    /// Throws when something other than a regular file is at `path` (nothing there is fine: it is created).
    static func refuseIrregular(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw NotARegularFile(path: path, kind: "a directory")
        case S_IFIFO: throw NotARegularFile(path: path, kind: "a FIFO")
        default: throw NotARegularFile(path: path, kind: "a socket or device")
        }
    }

    /// Whether the open file belongs to the application `applicationID`: `false` for a file that holds
    /// another application's id or tables without an id (someone else's database, which depwatch must not
    /// migrate); `true` for depwatch's own file and for an empty new one.
    public static func belongs(_ db: Database, to applicationID: Int32) throws -> Bool {
        let found = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if found == applicationID { return true }
        if found != 0 { return false }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
    }
}
