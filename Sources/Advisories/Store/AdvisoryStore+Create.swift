import Foundation
import GRDB

extension AdvisoryStore {
    /// Imports the advisories below `paths` into the database at `path`, creating it when there is none.
    ///
    /// An existing database is imported into as `importAdvisories(from:strict:)` does, through the
    /// write-ahead log, so that its readers never wait. A new one is built in a temporary file beside
    /// `path` (`PATH.creating-PID`) with the rollback journal in memory, no write-ahead log and its
    /// secondary indexes built once at the end, made durable, then linked into place: the database
    /// appears whole or not at all, and each page is written once rather than twice (into the log, then
    /// by the checkpoint when the last connection closes: a quarter of a fresh import's time,
    /// BENCHMARKS.md). A failed import removes the temporary file; one left by a killed import is removed by
    /// the next import that creates the database.
    @discardableResult
    public static func importAdvisories(from paths: [String], into path: String, strict: Bool = false) throws(AdvisoryStoreError) -> ImportReport {
        if FileManager.default.fileExists(atPath: path) {
            return try AdvisoryStore(path: path).importAdvisories(from: paths, strict: strict)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        removeAbandonedBuilds(of: path)
        let building = "\(path).creating-\(getpid())"
        defer { for suffix in ["", "-journal"] { unlink(building + suffix) } }
        let report: ImportReport
        do {
            report = try build(building, named: path, from: paths, strict: strict)
        } catch let error as AdvisoryStoreError {
            throw error
        } catch {
            throw classify(error, path: path)
        }
        guard try publish(building, as: path, directory: directory.isEmpty ? "." : directory) else {
            // Another process created the database meanwhile: import into it the usual way.
            return try AdvisoryStore(path: path).importAdvisories(from: paths, strict: strict)
        }
        return report
    }

    /// Builds a new database at `building`: schema and curated advisories, then the import.
    private static func build(_ building: String, named path: String, from paths: [String], strict: Bool) throws -> ImportReport {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: building, configuration: configuration)
        let store = try AdvisoryStore(path: path, preparing: queue)
        // Bulk loading: the secondary indexes are dropped, and built once at the end (by sorting) instead
        // of row by row; SQLite's own indexes (the unique id) stay.
        let indexes = try queue.write { db in
            let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            for index in indexes { try db.execute(sql: "DROP INDEX \"\(index["name"] as String)\"") }
            return indexes.map { $0["sql"] as String }
        }
        let report = try store.importAdvisories(from: paths, strict: strict)
        try queue.write { db in for index in indexes { try db.execute(sql: index) } }
        // Every depwatch database is in WAL mode once in use (the mode is recorded in the file).
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
        return report
    }

    /// Removes the temporary files of earlier builds of `path` whose process no longer runs (an import
    /// that was killed); a build in progress in another process is left alone.
    static func removeAbandonedBuilds(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".creating-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let owner = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(owner), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory.isEmpty ? name : directory + "/" + name)
        }
    }

    /// Makes the built file durable, then gives it its name without replacing a database that another
    /// process created meanwhile (`false` then); the directory entry is made durable too.
    static func publish(_ building: String, as path: String, directory: String) throws(AdvisoryStoreError) -> Bool {
        func fail(_ operation: String) -> AdvisoryStoreError {
            .database(path: path, reason: "\(operation): \(String(cString: strerror(errno)))")
        }
        let file = open(building, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw fail("cannot open the new database to sync it") }
        let synced = fsync(file) == 0
        close(file)
        guard synced else { throw fail("cannot sync the new database") }
        guard link(building, path) == 0 else {
            if errno == EEXIST { return false }
            throw fail("cannot name the new database")
        }
        let folder = open(directory, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return true
    }
}
