import Advisories
import Core

/// A team's audit policy (`depwatch.toml`): advisories to ignore (with a reason, until a date), packages
/// to deny, and what fails the run.
public struct Policy: Sendable {
    /// An `[[ignore]]` entry.
    public struct Ignore: Sendable, Hashable {
        /// An advisory id or any of its aliases.
        public var id: String
        /// Why it is ignored (required).
        public var reason: String
        /// The last day the ignore holds, as `YYYY-MM-DD`; it expires after.
        public var until: String?
        /// Only for this package, when given.
        public var package: String?
        /// The entry's line in the file.
        public var line: Int
    }

    /// A `[[deny]]` entry: a package nobody may pin (in a version range, when given).
    public struct Deny: Sendable, Hashable {
        /// The module path or package location.
        public var package: String
        /// The versions denied (all when `nil`).
        public var versions: VersionConstraint?
        /// Why.
        public var reason: String
        /// The severity of the resulting finding (default high).
        public var severity: Severity
        /// The entry's line.
        public var line: Int
    }

    /// The file it came from, if any.
    public var path: String?
    /// The ignores.
    public var ignores: [Ignore] = []
    /// The denied packages.
    public var denies: [Deny] = []
    /// `fail-on`, when set.
    public var failOn: FailThreshold?
    /// `kinds`, when set.
    public var kinds: Set<AdvisoryKind>?
    /// `require-vetting`: `depwatch diff` fails for a new or upgraded dependency no vetting record covers.
    public var requireVetting = false
    /// `reachable-only`: findings whose affected code is absent from the build do not count toward
    /// `fail-on` (they are still listed).
    public var reachableOnly = false

    /// An empty policy.
    public init(path: String? = nil) {
        self.path = path
    }

    /// Every kind a finding can have.
    public static let allKinds: Set<AdvisoryKind> = Set(AdvisoryKind.allCases)
}
