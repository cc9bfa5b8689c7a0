import Advisories
import Core
import Foundation
import Manifest

/// `db query` as text.
enum QueryTable {
    static func render(_ answers: [QueryAnswer], package: String, version: String?) -> String {
        let subject = version.map { "\(package)@\($0)" } ?? package
        guard !answers.isEmpty else { return "no advisory names \(package)\n" }
        var out = "\(answers.count) advisor\(answers.count == 1 ? "y names" : "ies name") \(package)\n"
        for answer in answers {
            let a = answer.stored.advisory
            var line = "  \(a.id)  \(answer.stored.kind.rawValue)  \(answer.stored.severity.rawValue)"
            if let verdict = answer.verdict {
                line += "  \(verdict.outcome.rawValue.uppercased())"
                if verdict.confidence == .low { line += " (low confidence)" }
            }
            out += line + "\n"
            if let summary = a.summary { out += "      \(summary)\n" }
            if let verdict = answer.verdict {
                out += "      \(subject): decided by \(verdict.decidedBy)\n"
                if let reason = verdict.reason { out += "      \(reason)\n" }
            }
        }
        return out
    }
}

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
