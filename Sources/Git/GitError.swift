import CGit2
import Foundation

/// A libgit2 call that failed: which operation, and libgit2's own message.
public struct GitError: Error, LocalizedError, Sendable, Equatable {
    /// What depwatch was doing (`open repository /x`, `resolve main`).
    public var operation: String
    /// libgit2's message (`reference 'refs/heads/nope' not found`).
    public var message: String
    /// libgit2's error code (`GIT_ENOTFOUND` is -3).
    public var code: Int32

    /// `operation: message`.
    public var errorDescription: String? { "\(operation): \(message)" }

    /// The code of a tree refused for a path git would not check out (`TreePath`); not a libgit2 code.
    public static let unsafePath: Int32 = -1000

    /// Whether the object or reference does not exist.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// Throws when `result` is negative, reading `git_error_last()` only then (it is not reset on success).
    static func check(_ result: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
        guard result < 0 else { return }
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "libgit2 error \(result)"
        throw GitError(operation: operation(), message: message, code: result)
    }
}
