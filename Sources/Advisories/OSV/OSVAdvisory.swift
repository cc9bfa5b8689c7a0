import Core

/// An OSV advisory, with the fields depwatch evaluates and reports (OSV schema 1.x). The raw JSON is
/// kept by the store; this is what matching and reports read from it (`init(json:)` decodes it).
public struct OSVAdvisory: Sendable, Hashable {
    /// The OSV schema version the document follows (`1.6.0`), when it says.
    public var schemaVersion: String?
    /// The id (`GO-2023-2385`, `GHSA-…`, `x_DEPWATCH-…`).
    public var id: String
    /// When the entry last changed (RFC 3339).
    public var modified: String
    /// When it was published.
    public var published: String?
    /// When it was withdrawn; a withdrawn advisory never matches.
    public var withdrawn: String?
    /// Other ids for the same problem.
    public var aliases: [String]?
    /// Ids of closely related problems (OSV `related`); for a curated advisory recorded over an existing
    /// one of the same versions (`depwatch bisect --record`), the problem it repeats.
    public var related: [String]?
    /// One line.
    public var summary: String?
    /// The long description.
    public var details: String?
    /// Severity scores (CVSS vectors).
    public var severity: [OSVSeverity]?
    /// The packages and versions affected.
    public var affected: [OSVAffected]
    /// Source-specific data; `severity` and `depwatch.kind` are read from it.
    public var databaseSpecific: OSVDatabaseSpecific?
    /// Links: reports, fixes, the package.
    public var references: [OSVReference]?

    /// An advisory with the given id, `modified` and affected packages, and nothing else yet.
    public init(id: String, modified: String, affected: [OSVAffected] = []) {
        self.id = id
        self.modified = modified
        self.affected = affected
    }
}

/// A link: `{"type": "REPORT", "url": "…"}`.
public struct OSVReference: Sendable, Hashable, Encodable {
    /// `ADVISORY`, `REPORT`, `FIX`, `PACKAGE`, `WEB`, …
    public var type: String
    /// The address.
    public var url: String

    /// A link.
    public init(type: String, url: String) {
        (self.type, self.url) = (type, url)
    }
}

/// A severity score: `{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/…"}`.
public struct OSVSeverity: Sendable, Hashable, Encodable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, …
    public var type: String
    /// The vector or label.
    public var score: String
}

/// The parts of `database_specific` depwatch reads.
public struct OSVDatabaseSpecific: Sendable, Hashable {
    /// depwatch's own fields of a curated advisory.
    public struct Depwatch: Sendable, Hashable {
        /// `security`, `leak`, `crash`, `performance`, `correctness` or `unmaintained`; `nil` when absent
        /// or not one of these (the importer reports an unknown kind; reading stays lenient).
        public var kind: AdvisoryKind?
        /// How `depwatch bisect --record` found the problem (written, not read back).
        public var bisect: BisectEvidence?

        /// depwatch's fields.
        public init(kind: AdvisoryKind?, bisect: BisectEvidence? = nil) {
            (self.kind, self.bisect) = (kind, bisect)
        }
    }

    /// The commit a bisection found and how: `database_specific.depwatch.bisect`.
    public struct BisectEvidence: Sendable, Hashable {
        /// `regression` or `fix`.
        public var direction: String
        /// The full commit id found.
        public var commit: String
        /// Its Go pseudo-version.
        public var pseudoVersion: String
        /// The good and bad commits the search started from.
        public var good: String, bad: String
        /// The earliest tag containing the commit, when there is one (written as `null` when not).
        public var earliestTag: String?
        /// The command that judged each commit.
        public var command: String

        /// The evidence of one bisection.
        public init(direction: String, commit: String, pseudoVersion: String, good: String, bad: String, earliestTag: String?, command: String) {
            (self.direction, self.commit, self.pseudoVersion, self.good, self.bad, self.earliestTag, self.command)
                = (direction, commit, pseudoVersion, good, bad, earliestTag, command)
        }
    }

    /// The source's label and depwatch's fields.
    public init(severity: String? = nil, depwatch: Depwatch? = nil) {
        (self.severity, self.depwatch) = (severity, depwatch)
    }

    /// The source's own severity label (GitHub: `LOW`, `MODERATE`, `HIGH`, `CRITICAL`).
    public var severity: String?
    /// depwatch's fields.
    public var depwatch: Depwatch?
}
