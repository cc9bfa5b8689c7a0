import Advisories
import Audit
import Foundation
import Git

/// Why a diff could not run.
public enum DiffError: Error, LocalizedError, Sendable {
    /// A revision is not in the repository (often: a shallow clone without it).
    case missingRevision(revision: String, repository: String)
    /// A bare repository has no work tree to compare with.
    case bareNeedsHead(repository: String)
    /// libgit2 failed.
    case git(GitError)
    /// The advisory database failed.
    case store(AdvisoryStoreError)
    /// A revision's manifests could not be read.
    case snapshot(String)
    /// The vetting records are malformed.
    case records(AuditError)

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .missingRevision(revision, repository):
            let branch = revision.hasPrefix("origin/") ? String(revision.dropFirst("origin/".count)) : revision
            return "\(repository): revision \(revision) is not in this repository (a shallow clone?); "
                + "fetch it first: git fetch origin \(branch) --depth=1"
        case let .bareNeedsHead(repository):
            return "\(repository): a bare repository has no work tree; give --head REV"
        case let .git(error): return error.localizedDescription
        case let .store(error): return error.localizedDescription
        case let .snapshot(reason): return "cannot read the manifests of a revision: \(reason)"
        case let .records(error): return error.localizedDescription
        }
    }
}
