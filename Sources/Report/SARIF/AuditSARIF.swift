import Advisories
import Audit
import Core
import Foundation
import Manifest

/// SARIF 2.1.0 for code-scanning dashboards (GitHub's among them): one rule per advisory, one result per
/// finding at its manifest line, fingerprints that do not change between runs (advisory, package,
/// manifest — not the line), ignored findings as suppressed results.
enum AuditSARIF {
    /// Written straight through a `JSONWriter`, keys in sorted order: the bytes `JSONEncoder` with sorted
    /// keys gave (the golden file holds them), at a fraction of its cost on thousands of results.
    static func render(_ result: AuditResult) -> String {
        String(decoding: bytes(result), as: UTF8.self)
    }

    /// The document's UTF-8 bytes.
    static func bytes(_ result: AuditResult) -> [UInt8] {
        var rules: [String: Finding] = [:]
        for finding in result.findings where rules[finding.id] == nil { rules[finding.id] = finding }
        let root = result.roots.first
        // The first upgrade of each manifest and package, looked up per rule (a search of the list for
        // each of hundreds of rules showed in profiles).
        var upgrades: [UpgradeKey: Upgrade] = [:]
        for upgrade in result.upgrades where upgrades[UpgradeKey(upgrade.manifest, upgrade.package)] == nil {
            upgrades[UpgradeKey(upgrade.manifest, upgrade.package)] = upgrade
        }
        let ruleFindings = rules.keys.sorted().map { rules[$0]! }
        var w = JSONWriter(capacity: result.findings.count * 900 + rules.count * 700 + 4096)
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.array("results", concurrently: result.findings) { w, finding in self.result(finding, root: root, &w) }
        w.object("tool") { w in
            w.object("driver") { w in
                w.field("informationUri", "https://github.com/bluele/gcache/issues/71")
                w.field("name", "depwatch")
                w.array("rules", concurrently: ruleFindings) { [upgrades] w, finding in
                    rule(finding, upgrade: upgrades[UpgradeKey(finding.manifest, finding.package)], &w)
                }
                w.field("version", "0.1.0")
            }
        }
        w.endObject()
        w.endArray()
        w.field("version", "2.1.0")
        w.endObject()
        return w.finishBytes()
    }

    /// A manifest and a package, the key an upgrade is found by.
    private struct UpgradeKey: Hashable {
        var manifest: String
        var package: String
        init(_ manifest: String, _ package: String) { (self.manifest, self.package) = (manifest, package) }
    }

    /// `{"markdown": …, "text": …}`, `markdown` only when there is one.
    private static func message(_ key: String, text: String, markdown: String? = nil, _ w: inout JSONWriter) {
        w.object(key) { w in
            w.fieldIfPresent("markdown", markdown)
            w.field("text", text)
        }
    }

    /// A rule per advisory: its summary, details, the upgrade that clears it, tags and GitHub's severity.
    private static func rule(_ finding: Finding, upgrade: Upgrade?, _ w: inout JSONWriter) {
        let advice: String
        if let to = upgrade?.to {
            advice = "Upgrade \(finding.package) to \(to) or later."
        } else if let fixed = finding.fixed {
            advice = "Upgrade \(finding.package) to \(fixed) or later."
        } else {
            advice = "No fixed version is known for \(finding.package); consider another package or ignore with a reason."
        }
        w.beginObject()
        w.object("defaultConfiguration") { w in w.field("level", level(finding.severity)) }
        message("fullDescription", text: finding.details?.isEmpty == false ? finding.details! : finding.summary, &w)
        message("help", text: advice, markdown: advice + (finding.url.map { " See [\(finding.id)](\($0))." } ?? ""), &w)
        w.fieldIfPresent("helpUri", finding.url)
        w.field("id", finding.id)
        w.field("name", "depwatch/" + finding.kind.rawValue)
        w.object("properties") { w in
            w.fieldIfPresent("security-severity", finding.kind == .security ? securitySeverity(finding.severity) : nil)
            w.field("tags", ["dependency", finding.kind.rawValue, finding.ecosystem.rawValue])
        }
        message("shortDescription", text: finding.summary, &w)
        w.endObject()
    }

    /// A result per finding, at its manifest line, with its fingerprint; an ignored one is suppressed.
    private static func result(_ finding: Finding, root: String?, _ w: inout JSONWriter) {
        var text = "\(finding.package) \(finding.version): \(finding.summary)"
        if let fixed = finding.fixed { text += " (fixed in \(fixed))" }
        w.beginObject()
        w.field("level", level(finding.severity))
        w.key("locations")
        w.beginArray()
        w.beginObject()
        w.object("physicalLocation") { w in
            w.object("artifactLocation") { w in
                w.field("uri", relative(finding.file ?? finding.manifest, to: root))
                w.field("uriBaseId", "%SRCROOT%")
            }
            if let line = finding.line { w.object("region") { w in w.field("startLine", line) } }
        }
        w.endObject()
        w.endArray()
        message("message", text: text, &w)
        if let reachability = finding.reachability {
            w.object("properties") { w in
                w.field("reachability", reachability.level.rawValue)
                w.field("reachabilityReason", reachability.reason)
                w.field("reachableSymbols", reachability.symbols)
            }
        }
        w.object("partialFingerprints") { w in w.field("depwatchFinding/v1", fingerprint(finding, root: root)) }
        w.field("ruleId", finding.id)
        if finding.ignored {
            w.key("suppressions")
            w.beginArray()
            w.beginObject()
            w.field("justification", finding.ignoreReason ?? "ignored by policy")
            w.field("kind", "external")
            w.endObject()
            w.endArray()
        }
        w.endObject()
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
