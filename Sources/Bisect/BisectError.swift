import Foundation
import Git

/// Why a bisection could not give an answer. Every message says what to do.
public enum BisectError: Error, LocalizedError, Sendable, Equatable {
    /// A git operation failed (bad revision, unreadable repository, failed checkout).
    case git(GitError)
    /// `--good` or `--bad` names no revision of the dependency's repository.
    case missingRevision(flag: String, revision: String, repository: String)
    /// Neither endpoint is an ancestor of the other.
    case unrelated(good: String, bad: String)
    /// The endpoints are the same commit.
    case sameCommit(String)
    /// Both endpoints got the same verdict, so there is nothing between them to find.
    case endpointsAgree(verdict: Verdict, good: String, bad: String)
    /// An endpoint could not be judged (skipped).
    case endpointSkipped(String)
    /// A run could not be judged: no metric in its output, a crash, a failure to start.
    case unjudgeable(commit: String, reason: String)
    /// The command aborted the bisection (exit 128 or above, or killed by a signal).
    case aborted(commit: String, reason: String)
    /// `--tags` found no release tag between the endpoints.
    case noTags(String)
    /// The project or its wiring is unusable.
    case wiring(String)
    /// SIGINT or SIGTERM stopped the bisection.
    case interrupted
    /// A file could not be written or read.
    case io(String)

    /// What went wrong, and what to do about it.
    public var errorDescription: String? {
        switch self {
        case .git(let error):
            return "git: \(error.localizedDescription)"
        case .missingRevision(let flag, let revision, let repository):
            return "\(flag) \(revision): no such revision in \(repository); if it is a tag or a branch of the upstream repository, "
                + "fetch it first (git -C \(repository) fetch --tags), or give a commit id"
        case .unrelated(let good, let bad):
            return "\(good) and \(bad) are not in one line of history (neither is an ancestor of the other); pick endpoints on one branch"
        case .sameCommit(let commit):
            return "--good and --bad are the same commit (\(commit.prefix(12))); give two different revisions"
        case .endpointsAgree(let verdict, let good, let bad):
            return "both endpoints are \(verdict.rawValue) (\(good) and \(bad)): the test does not tell them apart, so there is nothing to bisect; "
                + "check the command, the threshold, or the revisions"
        case .endpointSkipped(let commit):
            return "the endpoint \(commit) could not be judged (skipped); choose an endpoint the test can run on"
        case .unjudgeable(let commit, let reason):
            return "\(commit): \(reason)"
        case .aborted(let commit, let reason):
            return "\(commit): the test aborted the bisection: \(reason)"
        case .noTags(let range):
            return "--tags: no release tag between \(range); drop --tags to bisect commits"
        case .wiring(let message):
            return message
        case .interrupted:
            return "stopped by a signal: the test's processes were stopped and every temporary directory removed"
        case .io(let message):
            return message
        }
    }
}
