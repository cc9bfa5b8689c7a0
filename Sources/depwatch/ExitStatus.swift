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

}

/// How a subcommand ends when it does not end cleanly. Subcommands throw these (or any error); `Depwatch.main`
/// is the one place that turns them into a message on standard error and an exit code.
enum CommandFailure: Error {
    /// Findings at or above the threshold: the report has said everything (exit 1).
    case findings
    /// No manifest found; the message says where depwatch looked (exit 3).
    case nothingToScan(String)
    /// An error, with the line that says it (exit 2).
    case error(String)
    /// An error whose diagnostics are on standard error already (exit 2).
    case reported

    /// The exit status, and the line to print first (if any), for an error a subcommand's `run` threw:
    /// a `CommandFailure` as it says, anything else an error named by its description.
    static func outcome(of error: any Error) -> (status: ExitStatus, message: String?) {
        switch error {
        case CommandFailure.findings: return (.findings, nil)
        case CommandFailure.nothingToScan(let message): return (.nothingToScan, message)
        case CommandFailure.error(let message): return (.error, message)
        case CommandFailure.reported: return (.error, nil)
        default: return (.error, "depwatch: \(error.localizedDescription)")
        }
    }
}
