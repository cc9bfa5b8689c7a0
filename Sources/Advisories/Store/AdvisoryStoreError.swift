import Foundation

/// Why the advisory database could not be used or changed.
public enum AdvisoryStoreError: Error, LocalizedError, Sendable {
    /// The file is not an SQLite database, or is damaged.
    case notADatabase(path: String, reason: String)
    /// The file is an SQLite database of some other program.
    case foreignDatabase(path: String)
    /// The database was written by a newer depwatch.
    case newerSchema(path: String)
    /// A path to import does not exist.
    case importSourceMissing(path: String)
    /// An import source that is neither a directory nor a regular file (a FIFO, a socket, a device).
    case importSourceIrregular(path: String)
    /// A file to import is not a usable advisory, and `--strict` was given.
    case invalidAdvisory(ImportProblem)
    /// SQLite failed.
    case database(path: String, reason: String)
    /// Writing exported files failed.
    case export(path: String, reason: String)

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case .notADatabase(let path, let reason):
            return "\(path): not a usable advisory database (\(reason)); move it aside, or name another with --db"
        case .foreignDatabase(let path):
            return "\(path): an SQLite database, but not depwatch's; name depwatch's with --db or $DEPWATCH_DB"
        case .newerSchema(let path):
            return "\(path): written by a newer depwatch; upgrade depwatch or use another database"
        case .importSourceMissing(let path):
            return "\(path): no such file or directory"
        case .importSourceIrregular(let path):
            return "\(path): not a regular file or a directory (a FIFO, socket or device); name an OSV file, a folder or a zip"
        case .invalidAdvisory(let problem):
            return "\(problem) (nothing was imported: --strict)"
        case .database(let path, let reason):
            return "\(path): \(reason)"
        case .export(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

/// A file (or archive entry) that could not be imported, and why.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, or `archive.zip:entry`.
    public var path: String
    /// The 1-based line, when the problem has a place.
    public var line: Int?
    /// The 1-based column.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// `path:line:column: message`, or `path: message`.
    public var description: String {
        if let line, let column { return "\(path):\(line):\(column): \(message)" }
        return "\(path): \(message)"
    }
}
