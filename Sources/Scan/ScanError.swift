import Foundation

/// Why a scan, a history operation or a report could not be done. Every message says what to do.
public enum ScanError: Error, LocalizedError, Sendable, Equatable {
    /// The repository list is unusable.
    case configuration(String)
    /// The history database cannot be used.
    case history(path: String, reason: String)
    /// A run asked for does not exist.
    case noSuchRun(String)
    /// A scan file cannot be read.
    case scanFile(path: String, reason: String)
    /// A report cannot be written.
    case output(String)

    /// What went wrong, and what to do.
    public var errorDescription: String? {
        switch self {
        case .configuration(let message): return message
        case .history(let path, let reason): return "\(path): the scan history cannot be used: \(reason)"
        case .noSuchRun(let run): return "no complete run \(run) in the history; `depwatch report --run latest` uses the newest"
        case .scanFile(let path, let reason): return "\(path): \(reason)"
        case .output(let message): return message
        }
    }
}
