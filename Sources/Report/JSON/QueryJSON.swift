import Advisories
import Core

/// `db query --format json` (`depwatch.query/1`).
enum QueryJSON {
    struct Document: Encodable {
        let schema = "depwatch.query/1"
        var package: String
        var version: String?
        var advisories: [Entry]
    }

    struct Entry: Encodable {
        var id: String
        var aliases: [String]
        var kind: String
        var severity: String
        var summary: String?
        var withdrawn: String?
        var outcome: String?
        var decidedBy: String?
        var confidence: String?
        var reason: String?
        var fixed: [String]?

        enum CodingKeys: String, CodingKey {
            case id, aliases, kind, severity, summary, withdrawn, outcome, confidence, reason, fixed
            case decidedBy = "decided_by"
        }
    }

    static func render(_ answers: [QueryAnswer], package: String, version: String?) throws -> String {
        let entries = answers.map { answer in
            Entry(id: answer.stored.advisory.id, aliases: answer.stored.advisory.aliases ?? [],
                  kind: answer.stored.kind.rawValue, severity: answer.stored.severity.rawValue,
                  summary: answer.stored.advisory.summary, withdrawn: answer.stored.advisory.withdrawn,
                  outcome: answer.verdict?.outcome.rawValue, decidedBy: answer.verdict?.decidedBy,
                  confidence: answer.verdict?.confidence.rawValue, reason: answer.verdict?.reason,
                  fixed: answer.verdict?.fixedVersions)
        }
        return try StreamingJSONEncoder.encode(Document(package: package, version: version, advisories: entries))
    }
}
