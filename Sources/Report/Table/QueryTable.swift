import Advisories

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
