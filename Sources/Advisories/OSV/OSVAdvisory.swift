/// An OSV advisory, with the fields depwatch evaluates and reports (OSV schema 1.x). The raw JSON is
/// kept by the store; this is what matching and reports read from it.
public struct OSVAdvisory: Sendable, Decodable, Hashable {
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

    private enum CodingKeys: String, CodingKey {
        case id, modified, published, withdrawn, aliases, summary, details, severity, affected, references
        case databaseSpecific = "database_specific"
    }

    /// Decodes an advisory; a missing `affected` is an empty list.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        modified = try c.decode(String.self, forKey: .modified)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        withdrawn = try c.decodeIfPresent(String.self, forKey: .withdrawn)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        details = try c.decodeIfPresent(String.self, forKey: .details)
        severity = try c.decodeIfPresent([OSVSeverity].self, forKey: .severity)
        affected = try c.decodeIfPresent([OSVAffected].self, forKey: .affected) ?? []
        databaseSpecific = try? c.decodeIfPresent(OSVDatabaseSpecific.self, forKey: .databaseSpecific)
        references = try? c.decodeIfPresent([OSVReference].self, forKey: .references)
    }
}

/// A link: `{"type": "REPORT", "url": "…"}`.
public struct OSVReference: Sendable, Decodable, Hashable {
    /// `ADVISORY`, `REPORT`, `FIX`, `PACKAGE`, `WEB`, …
    public var type: String
    /// The address.
    public var url: String
}

/// A severity score: `{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/…"}`.
public struct OSVSeverity: Sendable, Decodable, Hashable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, …
    public var type: String
    /// The vector or label.
    public var score: String
}

/// The parts of `database_specific` depwatch reads.
public struct OSVDatabaseSpecific: Sendable, Decodable, Hashable {
    /// depwatch's own fields of a curated advisory.
    public struct Depwatch: Sendable, Decodable, Hashable {
        /// `security`, `leak`, `crash`, `performance`, `correctness` or `unmaintained`.
        public var kind: String?
    }

    /// The source's own severity label (GitHub: `LOW`, `MODERATE`, `HIGH`, `CRITICAL`).
    public var severity: String?
    /// depwatch's fields.
    public var depwatch: Depwatch?

    private enum CodingKeys: String, CodingKey { case severity, depwatch }

    /// Decodes leniently: a field of another shape is ignored, not an error.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try? c.decodeIfPresent(String.self, forKey: .severity)
        depwatch = try? c.decodeIfPresent(Depwatch.self, forKey: .depwatch)
    }
}
