import Core
import Audit
import Manifest

/// How one dependency changed between the base and the head.
public struct DependencyChange: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, upgraded, downgraded, changed
    }

    /// What happened.
    public var kind: Kind
    /// The package.
    public var package: String
    /// The version at the base (`nil` when added).
    public var from: String?
    /// The version at the head (`nil` when removed).
    public var to: String?
}

/// What changed in one manifest.
public struct ManifestDiff: Sendable {
    /// Whether the manifest is new, gone, moved, or at the same path.
    public enum Status: String, Sendable, Hashable {
        case added, removed, moved, modified, unchanged
    }

    /// The manifest's path at the head (at the base when removed), relative to the repository root.
    public var path: String
    /// Its path at the base when it moved.
    public var movedFrom: String?
    /// What happened to it.
    public var status: Status
    /// Its dependency changes.
    public var changes: [DependencyChange]
    /// Findings at the head that the base did not have.
    public var introduced: [Finding]
    /// Findings at the base that the head no longer has.
    public var fixed: [Finding]
    /// Findings both have (shown, never failing).
    public var existing: [Finding]
}

/// A dependency the change brings in (or upgrades) that nobody has vetted at that version.
public struct UnvettedDependency: Sendable, Hashable {
    /// The manifest, relative to the repository root.
    public var manifest: String
    /// The package.
    public var package: String
    /// The version pinned at the head.
    public var version: String?
}

/// The result of `depwatch diff` (`depwatch.diff/1`).
public struct DiffResult: Sendable {
    /// The schema identifier.
    public static let schema = "depwatch.diff/1"

    /// The base revision, as given, and the commit it resolved to.
    public var base: String
    public var baseCommit: String
    /// The head revision (`nil` for the work tree) and its commit.
    public var head: String?
    public var headCommit: String?
    /// Every manifest that exists at either side.
    public var manifests: [ManifestDiff]
    /// The audit of the head (its policy, thresholds, database).
    public var headAudit: AuditResult
    /// New or upgraded dependencies that no vetting record covers (checked when vetting is required).
    public var unvetted: [UnvettedDependency] = []
    /// Whether vetting is required (policy `require-vetting` or `--require-vetting`).
    public var requireVetting = false
    /// Manifests that could not be read, on either side (`REV:path` for a revision's files).
    public var errors: [Diagnostic] = []
    /// Problems that did not stop the head's manifests from being read (`REV:path` for a revision's files).
    public var warnings: [Diagnostic] = []
    /// How long each phase took, in seconds, in order (`--timings`).
    public var timings: [(phase: String, seconds: Double)] = []

    /// Whether the run fails: introduced findings at or above the threshold, or unvetted dependencies
    /// when vetting is required.
    public var fails: Bool {
        !failing.isEmpty || (requireVetting && !unvetted.isEmpty)
    }

    /// Introduced findings that fail the run (not ignored, of a failing kind, at or above the threshold).
    public var failing: [Finding] {
        manifests.flatMap(\.introduced).filter {
            !$0.ignored && headAudit.failKinds.contains($0.kind) && headAudit.failOn.fails($0.severity)
        }
    }
}
