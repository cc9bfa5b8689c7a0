import Core
import Advisories
import Manifest

/// Everything an audit found: the contract of `depwatch audit --format json` (`depwatch.audit/1`).
public struct AuditResult: Sendable {
    /// The schema identifier.
    public static let schema = "depwatch.audit/1"

    /// The database used.
    public var databasePath: String
    /// How many advisories it holds.
    public var databaseAdvisories: Int
    /// The manifests read.
    public var manifests: [AuditedManifest]
    /// The findings, ignored ones included, most severe first.
    public var findings: [Finding]
    /// The upgrades that clear them.
    public var upgrades: [Upgrade]
    /// Dependencies that could not be checked.
    public var unverifiable: [Unverifiable]
    /// Manifests that could not be read.
    public var errors: [Diagnostic]
    /// Things the user should know (expired or unused ignores, an unchecked standard library).
    public var warnings: [Diagnostic]
    /// The policy's failure threshold and kinds, as applied.
    public var failOn: FailThreshold
    /// The kinds that count toward failing.
    public var failKinds: Set<AdvisoryKind>
    /// The scan roots (SARIF locations are relative to the first).
    public var roots: [String]
    /// The manifests as read, with every dependency (for comparing two audits).
    public var inventory: Inventory = Inventory()

    /// Whether findings whose affected code is absent from the build do not count (`--reachable-only`).
    public var reachableOnly = false

    /// Findings that count toward failing: not ignored, of a failing kind, at or above the threshold, and
    /// with `reachableOnly`, not absent from the build.
    public var failing: [Finding] {
        findings.filter { !$0.ignored && failKinds.contains($0.kind) && failOn.fails($0.severity) && (!reachableOnly || $0.reachability?.counts ?? true) }
    }

    /// The number of dependencies across manifests.
    public var dependencyCount: Int {
        manifests.reduce(0) { $0 + $1.dependencies }
    }
}

/// `fail-on`: the lowest severity that fails the run.
public enum FailThreshold: String, Sendable, CaseIterable, Codable {
    case any, low, medium, high, critical, none

    /// Whether a finding of `severity` fails the run. `unknown` fails only with `any`.
    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .any: return true
        case .none: return false
        case .low: return severity >= .low
        case .medium: return severity >= .medium
        case .high: return severity >= .high
        case .critical: return severity >= .critical
        }
    }
}
