import Foundation

/// Why an audit could not run.
public enum AuditError: Error, LocalizedError, Sendable, Equatable {
    /// The policy file is malformed: `path:line[:column]: message`.
    case policy(path: String, line: Int?, column: Int?, message: String)
    /// The policy file could not be read.
    case policyUnreadable(path: String, reason: String)
    /// A `--go-version` that is not a Go version.
    case goVersion(String)

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .policy(path, line?, column?, message): return "\(path):\(line):\(column): \(message)"
        case let .policy(path, line?, nil, message): return "\(path):\(line): \(message)"
        case let .policy(path, _, _, message): return "\(path): \(message)"
        case let .policyUnreadable(path, reason): return "\(path): cannot read the policy file: \(reason)"
        case let .goVersion(value): return "--go-version \(value): not a Go version (use 1.22.4 or go1.22.4)"
        }
    }
}
