import Core
import Foundation

/// Writing OSV JSON from the model, for the advisories depwatch makes itself (`bisect --record`): every
/// field the model holds, in the OSV schema's names, absent fields left out.
extension OSVAdvisory: Encodable {
    /// The advisory as an OSV document, as depwatch writes every JSON document: pretty-printed, keys
    /// sorted, one trailing newline.
    public func jsonDocument() throws -> Data {
        Data(try StreamingJSONEncoder.encode(self).utf8)
    }

    private enum Keys: String, CodingKey {
        case schemaVersion = "schema_version", id, modified, published, withdrawn, aliases, related, summary, details
        case severity, affected, databaseSpecific = "database_specific", references
    }

    /// Encodes the fields that are present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encode(modified, forKey: .modified)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(withdrawn, forKey: .withdrawn)
        try c.encodeIfPresent(aliases, forKey: .aliases)
        try c.encodeIfPresent(related, forKey: .related)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(details, forKey: .details)
        try c.encodeIfPresent(severity, forKey: .severity)
        try c.encode(affected, forKey: .affected)
        try c.encodeIfPresent(databaseSpecific, forKey: .databaseSpecific)
        try c.encodeIfPresent(references, forKey: .references)
    }
}

extension OSVAffected: Encodable {
    private enum Keys: String, CodingKey {
        case package, ranges, versions, severity, ecosystemSpecific = "ecosystem_specific"
    }

    private enum EcosystemSpecificKeys: String, CodingKey {
        case customRanges = "custom_ranges", imports
    }

    /// Encodes the package, its ranges, and the versions, severity, custom ranges and imports when there are any.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(package, forKey: .package)
        try c.encode(ranges, forKey: .ranges)
        if !versions.isEmpty { try c.encode(versions, forKey: .versions) }
        try c.encodeIfPresent(severity, forKey: .severity)
        if customRanges != nil || !imports.isEmpty {
            var specific = c.nestedContainer(keyedBy: EcosystemSpecificKeys.self, forKey: .ecosystemSpecific)
            try specific.encodeIfPresent(customRanges, forKey: .customRanges)
            if !imports.isEmpty { try specific.encode(imports, forKey: .imports) }
        }
    }
}


extension OSVRange: Encodable {
    private enum Keys: String, CodingKey { case type, repo, events }

    /// `{"type": …, "repo": …, "events": [{"introduced": …}, …]}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(repo, forKey: .repo)
        try c.encode(events, forKey: .events)
    }
}

extension OSVEvent: Encodable {
    private enum Keys: String, CodingKey {
        case introduced, fixed, lastAffected = "last_affected", limit
    }

    /// One key, named by the event.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .introduced(let v): try c.encode(v, forKey: .introduced)
        case .fixed(let v): try c.encode(v, forKey: .fixed)
        case .lastAffected(let v): try c.encode(v, forKey: .lastAffected)
        case .limit(let v): try c.encode(v, forKey: .limit)
        }
    }
}

extension OSVDatabaseSpecific: Encodable {
    private enum Keys: String, CodingKey { case severity, depwatch }

    /// The source's label and depwatch's fields, when present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(severity, forKey: .severity)
        try c.encodeIfPresent(depwatch, forKey: .depwatch)
    }
}

extension OSVDatabaseSpecific.Depwatch: Encodable {
    private enum Keys: String, CodingKey { case kind, bisect }

    /// `kind` and `bisect`, when present.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(bisect, forKey: .bisect)
    }
}

extension OSVDatabaseSpecific.BisectEvidence: Encodable {
    private enum Keys: String, CodingKey {
        case direction, commit, pseudoVersion = "pseudo_version", good, bad, earliestTag = "earliest_tag", command
    }

    /// Every field; `earliest_tag` is `null` when no tag contains the commit.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(direction, forKey: .direction)
        try c.encode(commit, forKey: .commit)
        try c.encode(pseudoVersion, forKey: .pseudoVersion)
        try c.encode(good, forKey: .good)
        try c.encode(bad, forKey: .bad)
        try c.encode(earliestTag, forKey: .earliestTag)
        try c.encode(command, forKey: .command)
    }
}
