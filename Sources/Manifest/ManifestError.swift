import Core
import Foundation

/// Why a manifest could not be read or parsed.
public enum ManifestError: Error, LocalizedError, Sendable, Equatable {
    /// The content is malformed; each diagnostic names the place.
    case invalid([Diagnostic])
    /// The path does not exist.
    case notFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is larger than depwatch reads.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file is not UTF-8 text.
    case notText(path: String)
    /// The file's name is not one of the manifests depwatch knows.
    case unknownKind(path: String)

    /// The diagnostics this error stands for, one per problem.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalid(let diagnostics):
            return diagnostics
        case .notFound(let path):
            return [Diagnostic(.notFound, path: path, line: nil, column: nil, message: "no such file or directory")]
        case .unreadable(let path, let reason):
            return [Diagnostic(.unreadable, path: path, line: nil, column: nil, message: "cannot read the file: \(reason)")]
        case .tooLarge(let path, let bytes, let limit):
            return [Diagnostic(.tooLarge, path: path, line: nil, column: nil,
                               message: "file is \(bytes) bytes, over the \(limit / (1 << 20)) MiB limit for a manifest; "
                                   + "is this really a manifest?")]
        case .notText(let path):
            return [Diagnostic(.notText, path: path, line: nil, column: nil,
                               message: "not a text file (it holds NUL bytes or is not UTF-8)")]
        case .unknownKind(let path):
            return [Diagnostic(.unknownKind, path: path, line: nil, column: nil,
                               message: "not a manifest depwatch reads (go.mod, go.work, Package.resolved) nor an executable; "
                                   + "name one of those, a Go binary or a directory")]
        }
    }

    /// One line per problem, `path:line:column: message`.
    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// A single diagnostic at a place (malformed content, unless `code` says otherwise).
    static func at(_ path: String, _ line: Int, _ column: Int, _ message: String, code: Diagnostic.Code = .syntaxError) -> ManifestError {
        .invalid([Diagnostic(code, path: path, line: line, column: column, message: message)])
    }
}
