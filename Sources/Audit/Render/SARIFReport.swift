import Advisories
import Foundation

/// SARIF 2.1.0 for code-scanning dashboards (GitHub's among them): one rule per advisory, one result per
/// finding at its manifest line, fingerprints that do not change between runs (advisory, package,
/// manifest — not the line), ignored findings as suppressed results.
enum SARIFReport {
    static func render(_ result: AuditResult) throws -> String {
        var rules: [String: Rule] = [:]
        for finding in result.findings where rules[finding.id] == nil {
            rules[finding.id] = Rule(finding, upgrade: result.upgrades.first { $0.package == finding.package && $0.manifest == finding.manifest })
        }
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(rules: rules.keys.sorted().map { rules[$0]! })),
            results: result.findings.map { SARIFResult($0, root: result.roots.first) })])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    /// `security-severity` as GitHub reads it (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0).
    static func securitySeverity(_ severity: Severity) -> String? {
        ["critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"][severity.rawValue]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .unknown: return "note"
        }
    }

    /// A stable identity for a finding across runs and checkouts: FNV-1a 64 of the advisory, the package
    /// and the manifest's path relative to the scan root (not the line, which moves with edits).
    static func fingerprint(_ finding: Finding, root: String? = nil) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(finding.id)\u{0}\(finding.package)\u{0}\(relative(finding.manifest, to: root))".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(16)
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [SARIFResult]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "depwatch"
        var version = "0.1.0"
        var informationUri = "https://github.com/bluele/gcache/issues/71"
        var rules: [Rule]
    }

    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        var defaultConfiguration: [String: String]
        var properties: Properties

        struct Properties: Encodable {
            var tags: [String]
            var securitySeverity: String?
            enum CodingKeys: String, CodingKey { case tags, securitySeverity = "security-severity" }
        }

        init(_ finding: Finding, upgrade: Upgrade?) {
            id = finding.id
            name = "depwatch/" + finding.kind
            shortDescription = Message(text: finding.summary)
            fullDescription = Message(text: (finding.details?.isEmpty == false ? finding.details! : finding.summary))
            let advice: String
            if let to = upgrade?.to {
                advice = "Upgrade \(finding.package) to \(to) or later."
            } else if let fixed = finding.fixed {
                advice = "Upgrade \(finding.package) to \(fixed) or later."
            } else {
                advice = "No fixed version is known for \(finding.package); consider another package or ignore with a reason."
            }
            help = Message(text: advice, markdown: advice + (finding.url.map { " See [\(finding.id)](\($0))." } ?? ""))
            helpUri = finding.url
            defaultConfiguration = ["level": SARIFReport.level(finding.severity)]
            properties = Properties(tags: ["dependency", finding.kind, finding.ecosystem],
                                    securitySeverity: finding.kind == "security" ? SARIFReport.securitySeverity(finding.severity) : nil)
        }
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?

        struct Location: Encodable { var physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            var artifactLocation: [String: String]
            var region: [String: Int]?
        }
        struct Suppression: Encodable { var kind: String; var justification: String }

        init(_ finding: Finding, root: String?) {
            ruleId = finding.id
            level = SARIFReport.level(finding.severity)
            var text = "\(finding.package) \(finding.version): \(finding.summary)"
            if let fixed = finding.fixed { text += " (fixed in \(fixed))" }
            message = Message(text: text)
            let file = finding.file ?? finding.manifest
            locations = [Location(physicalLocation: PhysicalLocation(
                artifactLocation: ["uri": SARIFReport.relative(file, to: root), "uriBaseId": "%SRCROOT%"],
                region: finding.line.map { ["startLine": $0] }))]
            partialFingerprints = ["depwatchFinding/v1": SARIFReport.fingerprint(finding, root: root)]
            suppressions = finding.ignored ? [Suppression(kind: "external", justification: finding.ignoreReason ?? "ignored by policy")] : nil
        }
    }

    /// `path` relative to the scan root when it lies below it.
    static func relative(_ path: String, to root: String?) -> String {
        guard let root, root != ".", path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return path }
        return String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
