/// One `affected` entry: a package and the versions of it that are affected.
public struct OSVAffected: Sendable, Hashable {
    /// The package.
    public var package: OSVPackage
    /// Version ranges.
    public var ranges: [OSVRange]
    /// Explicitly listed affected versions.
    public var versions: [String]
    /// The Go database's `custom_ranges`, when present: the real range where `ranges` says "every version".
    public var customRanges: [OSVRange]?
    /// Package-level severity scores.
    public var severity: [OSVSeverity]?

    /// Creates an entry (for tests and curated data).
    public init(package: OSVPackage, ranges: [OSVRange], versions: [String] = [], customRanges: [OSVRange]? = nil) {
        self.package = package
        self.ranges = ranges
        self.versions = versions
        self.customRanges = customRanges
    }
}

/// The package an `affected` entry names.
public struct OSVPackage: Sendable, Hashable, Encodable {
    /// The ecosystem (`Go`, `SwiftURL`, `purl-type:swift`, …).
    public var ecosystem: String
    /// The name, in the ecosystem's form.
    public var name: String

    /// Creates a package.
    public init(ecosystem: String, name: String) {
        self.ecosystem = ecosystem
        self.name = name
    }
}

/// A range: a type and a timeline of events.
public struct OSVRange: Sendable, Hashable {
    /// `SEMVER`, `ECOSYSTEM` or `GIT`.
    public var type: String
    /// The repository, for `GIT`.
    public var repo: String?
    /// The events, in file order.
    public var events: [OSVEvent]

    /// Creates a range.
    public init(type: String, repo: String? = nil, events: [OSVEvent]) {
        self.type = type
        self.repo = repo
        self.events = events
    }
}

/// One event of a range.
public enum OSVEvent: Sendable, Hashable {
    /// The version (or `0`, before every version) where the problem appears.
    case introduced(String)
    /// The first version without it.
    case fixed(String)
    /// The last version known to have it.
    case lastAffected(String)
    /// An upper bound on the range.
    case limit(String)

    /// The version the event names.
    public var version: String {
        switch self {
        case .introduced(let v), .fixed(let v), .lastAffected(let v), .limit(let v): return v
        }
    }
}
