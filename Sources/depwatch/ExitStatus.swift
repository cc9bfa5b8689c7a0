import ArgumentParser
import Foundation

/// depwatch's exit codes, in one table (DESIGN.md). Codes 125 and 128+ are never used, so that
/// depwatch can serve as a `git bisect run` predicate.
enum ExitStatus: Int32, CaseIterable {
    /// No finding at or above the `--fail-on` threshold.
    case clean = 0
    /// Findings at or above the threshold.
    case findings = 1
    /// An error: bad input, unreadable file, broken or missing database, failed git operation.
    case error = 2
    /// Nothing to scan: no manifest found.
    case nothingToScan = 3
    /// A usage error (bad flags); swift-argument-parser exits with it.
    case usage = 64

    /// What the code means, for `--help`.
    var meaning: String {
        switch self {
        case .clean: return "no finding at or above the --fail-on threshold"
        case .findings: return "findings at or above the threshold"
        case .error: return "an error: bad input, unreadable file, broken database, failed git operation"
        case .nothingToScan: return "nothing to scan: no manifest found"
        case .usage: return "usage error (bad flags)"
        }
    }

    /// The exit-code table as help text.
    static var helpText: String {
        // Padded by hand: Foundation's padding(toLength:) bridges through NSString, and this text is built
        // at every start (it is part of the root command's configuration).
        "Exit codes:\n" + allCases.map { status in
            let code = String(status.rawValue)
            return "  " + code + String(repeating: " ", count: max(0, 4 - code.count)) + " " + status.meaning
        }.joined(separator: "\n")
    }

    /// The ArgumentParser exit code for this status.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
