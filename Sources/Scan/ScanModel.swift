import Audit
import Core
import Foundation

/// One finding of one repository, as the history keeps it: the part of an audit's `Finding` that is
/// compared from run to run (not a model of its own: it is made from the finding).
public struct ScanFinding: Sendable, Codable, Hashable {
    /// The manifest, relative to the repository root.
    public var manifest: String
    /// The package.
    public var package: String
    /// The pinned version.
    public var version: String
    /// The advisory id.
    public var id: String
    /// `security`, `leak`, …
    public var kind: AdvisoryKind
    /// `critical` … `unknown`.
    public var severity: Severity
    /// One line.
    public var summary: String
    /// The smallest fixed version, when known.
    public var fixed: String?
    /// Whether the repository's policy ignores it.
    public var ignored: Bool

    /// What identifies the same problem from run to run.
    public var identity: String { [manifest, package, version, id].joined(separator: "\u{0}") }

    /// The record of `finding`.
    public init(_ finding: Finding) {
        (manifest, package, version, id) = (finding.manifest, finding.package, finding.version, finding.id)
        (kind, severity, summary, fixed, ignored) = (finding.kind, finding.severity, finding.summary, finding.fixed, finding.ignored)
    }
}

/// One upgrade a repository needs, as the history keeps it (made from the audit's `Upgrade`).
public struct ScanUpgrade: Sendable, Codable, Hashable {
    /// The manifest, relative to the repository root.
    public var manifest: String
    /// The package.
    public var package: String
    /// The pinned version.
    public var from: String
    /// The version that clears the fixable findings, when there is one.
    public var to: String?
    /// The findings it clears.
    public var fixes: [String]

    /// The record of `upgrade`.
    public init(_ upgrade: Upgrade) {
        (manifest, package, from, to, fixes) = (upgrade.manifest, upgrade.package, upgrade.from, upgrade.to, upgrade.fixes)
    }
}

/// How scanning one repository went.
public struct RepositoryScan: Sendable, Codable, Hashable {
    /// `ok` or `failed`.
    public enum Status: String, Sendable, Codable {
        /// Scanned (its findings may be empty).
        case ok
        /// Not scanned: `error` says why.
        case failed
    }

    /// The repository's name.
    public var name: String
    /// Its path.
    public var path: String
    /// The commit scanned (when the revision resolved).
    public var revision: String?
    /// How it went.
    public var status: Status
    /// Why it failed.
    public var error: String?
    /// Manifest problems that did not stop the scan.
    public var warnings: [String] = []
    /// Its findings.
    public var findings: [ScanFinding] = []
    /// Its upgrades.
    public var upgrades: [ScanUpgrade] = []
    /// When it was scanned (seconds since 1970).
    public var scannedAt: Double

    private enum CodingKeys: String, CodingKey {
        case name, path, revision, status, error, warnings, findings, upgrades, scannedAt = "scanned_at"
    }
}

/// The state of the advisory database a scan matched against.
public struct DatabaseState: Sendable, Codable, Hashable {
    /// How many advisories it held.
    public var advisories: Int
    /// When the newest import finished, if any.
    public var lastImport: String?

    private enum CodingKeys: String, CodingKey {
        case advisories, lastImport = "last_import"
    }

    /// A database state.
    public init(advisories: Int, lastImport: String?) {
        (self.advisories, self.lastImport) = (advisories, lastImport)
    }
}

/// A scan's result as a file (`depwatch.scan/1`): what one shard writes and `history import` reads.
public struct ScanDocument: Sendable, Codable {
    /// `depwatch.scan/1`.
    public var schema = "depwatch.scan/1"
    /// When the scan started and ended (seconds since 1970).
    public var started: Double
    /// When it ended.
    public var finished: Double
    /// `I/N` when it is one shard of a larger scan.
    public var shard: String?
    /// The advisory database's state.
    public var database: DatabaseState
    /// Every repository scanned.
    public var repositories: [RepositoryScan]

    /// A scan result.
    public init(started: Double, finished: Double, shard: String?, database: DatabaseState, repositories: [RepositoryScan]) {
        (self.started, self.finished, self.shard, self.database, self.repositories) = (started, finished, shard, database, repositories)
    }
}
