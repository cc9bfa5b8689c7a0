import Foundation

/// Why a heap profile could not be read or attributed.
public enum HeapError: Error, LocalizedError, Sendable, Equatable {
    /// The bytes are not a heap profile, or are damaged: `path: byte offset: message`.
    case malformed(path: String, offset: Int, message: String)
    /// The profile could not be read at all (missing, unreadable, too large).
    case unreadable(path: String, reason: String)
    /// `--sample` names a sample type the profile does not have.
    case unknownSample(path: String, sample: String, available: [String])

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .malformed(path, offset, message): return "\(path): byte \(offset): \(message)"
        case let .unreadable(path, reason): return "\(path): \(reason)"
        case let .unknownSample(path, sample, available):
            return "\(path): no sample type \(sample); this profile has \(available.joined(separator: ", "))"
        }
    }
}

/// A problem at a byte offset of the (decompressed) profile; the caller adds the path.
struct ProfileFailure: Error {
    var offset: Int
    var message: String
}
