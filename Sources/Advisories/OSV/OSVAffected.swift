/// One `affected` entry: a package and the versions of it that are affected.
public struct OSVAffected: Sendable, Decodable, Hashable {
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

    private enum CodingKeys: String, CodingKey {
        case package, ranges, versions, severity
        case ecosystemSpecific = "ecosystem_specific"
    }

    private struct EcosystemSpecific: Decodable {
        var customRanges: [OSVRange]?
        enum CodingKeys: String, CodingKey { case customRanges = "custom_ranges" }
    }

    /// Decodes an entry; missing lists are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        package = try c.decode(OSVPackage.self, forKey: .package)
        ranges = try c.decodeIfPresent([OSVRange].self, forKey: .ranges) ?? []
        versions = try c.decodeIfPresent([String].self, forKey: .versions) ?? []
        severity = try c.decodeIfPresent([OSVSeverity].self, forKey: .severity)
        customRanges = (try? c.decodeIfPresent(EcosystemSpecific.self, forKey: .ecosystemSpecific))?.customRanges
    }

    /// Creates an entry (for tests and curated data).
    public init(package: OSVPackage, ranges: [OSVRange], versions: [String] = [], customRanges: [OSVRange]? = nil) {
        self.package = package
        self.ranges = ranges
        self.versions = versions
        self.customRanges = customRanges
    }
}

/// The package an `affected` entry names.
public struct OSVPackage: Sendable, Decodable, Hashable {
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
public struct OSVRange: Sendable, Decodable, Hashable {
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
public enum OSVEvent: Sendable, Decodable, Hashable {
    /// The version (or `0`, before every version) where the problem appears.
    case introduced(String)
    /// The first version without it.
    case fixed(String)
    /// The last version known to have it.
    case lastAffected(String)
    /// An upper bound on the range.
    case limit(String)

    private enum CodingKeys: String, CodingKey {
        case introduced, fixed, limit
        case lastAffected = "last_affected"
    }

    /// Decodes `{"introduced": …}` and the like; an object with none of the four keys is an error.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(String.self, forKey: .introduced) { self = .introduced(v) }
        else if let v = try c.decodeIfPresent(String.self, forKey: .fixed) { self = .fixed(v) }
        else if let v = try c.decodeIfPresent(String.self, forKey: .lastAffected) { self = .lastAffected(v) }
        else if let v = try c.decodeIfPresent(String.self, forKey: .limit) { self = .limit(v) }
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "an event needs introduced, fixed, last_affected or limit"))
        }
    }

    /// The version the event names.
    public var version: String {
        switch self {
        case .introduced(let v), .fixed(let v), .lastAffected(let v), .limit(let v): return v
        }
    }
}
