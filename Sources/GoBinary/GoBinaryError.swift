import Foundation

/// Why a file could not be read as a Go binary.
public enum GoBinaryError: Error, LocalizedError, Sendable, Equatable {
    /// The file could not be opened or mapped (missing, not a regular file, unreadable).
    case unreadable(path: String, reason: String)
    /// The file is no executable depwatch reads (not ELF, Mach-O or PE).
    case notExecutable(path: String)
    /// An executable, but not one built by Go (no build information).
    case notGo(path: String)
    /// The bytes are damaged or hostile: `path: byte offset: message`.
    case malformed(path: String, offset: Int, message: String)

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .unreadable(path, reason): return "\(path): \(reason)"
        case let .notExecutable(path): return "\(path): not an executable depwatch reads (ELF, Mach-O or PE)"
        case let .notGo(path): return "\(path): an executable, but not a Go binary (no Go build information in it)"
        case let .malformed(path, offset, message): return "\(path): byte \(offset): \(message)"
        }
    }
}

/// A problem at a byte offset of the file; the caller adds the path.
struct BinaryFailure: Error {
    var offset: Int
    var message: String

    init(_ offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}
