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
    /// The Go database's `ecosystem_specific.imports`: the packages whose code has the problem, with the
    /// symbols and platforms it is in (empty when the advisory does not say).
    public var imports: [OSVImport] = []

    /// Creates an entry (for tests and curated data).
    public init(package: OSVPackage, ranges: [OSVRange], versions: [String] = [], customRanges: [OSVRange]? = nil) {
        self.package = package
        self.ranges = ranges
        self.versions = versions
        self.customRanges = customRanges
    }
}

/// One package of an `affected` entry's `ecosystem_specific.imports`: where the vulnerable code is.
public struct OSVImport: Sendable, Hashable, Encodable {
    /// The package's import path (`golang.org/x/net/html`, `net/http`).
    public var path: String
    /// The affected symbols, as the database writes them (`Parse`, `Reader.Read`); empty for the whole package.
    public var symbols: [String]
    /// The operating systems it is limited to (empty: all).
    public var goos: [String]
    /// The architectures it is limited to (empty: all).
    public var goarch: [String]

    /// Creates an import.
    public init(path: String, symbols: [String] = [], goos: [String] = [], goarch: [String] = []) {
        self.path = path
        self.symbols = symbols
        self.goos = goos
        self.goarch = goarch
    }

    private enum Keys: String, CodingKey { case path, symbols, goos, goarch }

    /// `{"path": …}` with `symbols`, `goos` and `goarch` when there are any.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(path, forKey: .path)
        if !symbols.isEmpty { try c.encode(symbols, forKey: .symbols) }
        if !goos.isEmpty { try c.encode(goos, forKey: .goos) }
        if !goarch.isEmpty { try c.encode(goarch, forKey: .goarch) }
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
