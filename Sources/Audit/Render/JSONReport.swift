import Foundation

/// `depwatch.audit/1`: the stable JSON form every other rendering derives from (schema in
/// `schemas/depwatch.audit-1.schema.json`). Keys are written sorted, so the output is byte-stable.
enum JSONReport {
    static func render(_ result: AuditResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(result)), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema = AuditResult.schema
        var database: Database
        var manifests: [Manifest]
        var findings: [FindingJSON]
        var upgrades: [UpgradeJSON]
        var unverifiable: [UnverifiableJSON]
        var errors: [Problem]
        var warnings: [Problem]
        var summary: Summary

        init(_ r: AuditResult) {
            database = Database(path: r.databasePath, advisories: r.databaseAdvisories)
            manifests = r.manifests.map { Manifest(path: $0.path, ecosystem: $0.ecosystem, dependencies: $0.dependencies) }
            findings = r.findings.map(FindingJSON.init)
            upgrades = r.upgrades.map {
                UpgradeJSON(ecosystem: $0.ecosystem, package: $0.package, from: $0.from, to: $0.to, fixes: $0.fixes,
                            remaining: $0.remaining, manifest: $0.manifest)
            }
            unverifiable = r.unverifiable.map {
                UnverifiableJSON(ecosystem: $0.ecosystem, package: $0.package, manifest: $0.manifest, line: $0.line, reason: $0.reason)
            }
            errors = r.errors.map { Problem(path: $0.path, line: $0.line, column: $0.column, message: $0.message) }
            warnings = r.warnings.map { Problem(path: $0.path, line: $0.line, column: nil, message: $0.message) }
            summary = Summary(manifests: r.manifests.count, dependencies: r.dependencyCount,
                              findings: r.findings.filter { !$0.ignored }.count, ignored: r.findings.filter(\.ignored).count,
                              failing: r.failing.count)
        }
    }

    struct Database: Encodable { var path: String; var advisories: Int }
    struct Manifest: Encodable { var path: String; var ecosystem: String; var dependencies: Int }
    struct Summary: Encodable { var manifests: Int; var dependencies: Int; var findings: Int; var ignored: Int; var failing: Int }

    struct Problem: Encodable {
        var path: String
        var line: Int?
        var column: Int?
        var message: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(line, forKey: .line)
            try c.encodeIfPresent(column, forKey: .column)
            try c.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case path, line, column, message }
    }

    struct FindingJSON: Encodable {
        let f: Finding
        init(_ finding: Finding) { f = finding }

        enum CodingKeys: String, CodingKey {
            case id, aliases, kind, severity, summary, ecosystem, package, version, direct, manifest, line, file, fixed
            case confidence, confidenceReason = "confidence_reason", ignored, ignoreReason = "ignore_reason", url
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(f.id, forKey: .id)
            try c.encode(f.aliases, forKey: .aliases)
            try c.encode(f.kind, forKey: .kind)
            try c.encode(f.severity.rawValue, forKey: .severity)
            try c.encode(f.summary, forKey: .summary)
            try c.encode(f.ecosystem, forKey: .ecosystem)
            try c.encode(f.package, forKey: .package)
            try c.encode(f.version, forKey: .version)
            try c.encode(f.direct, forKey: .direct)
            try c.encode(f.manifest, forKey: .manifest)
            try c.encode(f.line, forKey: .line)
            try c.encodeIfPresent(f.file, forKey: .file)
            try c.encode(f.fixed, forKey: .fixed)
            try c.encode(f.confidence.rawValue, forKey: .confidence)
            try c.encodeIfPresent(f.confidenceReason, forKey: .confidenceReason)
            try c.encode(f.ignored, forKey: .ignored)
            try c.encodeIfPresent(f.ignoreReason, forKey: .ignoreReason)
            try c.encodeIfPresent(f.url, forKey: .url)
        }
    }

    struct UpgradeJSON: Encodable {
        var ecosystem: String
        var package: String
        var from: String
        var to: String?
        var fixes: [String]
        var remaining: [String]
        var manifest: String

        enum CodingKeys: String, CodingKey { case ecosystem, package, from, to, fixes, remaining, manifest }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ecosystem, forKey: .ecosystem)
            try c.encode(package, forKey: .package)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(fixes, forKey: .fixes)
            try c.encode(remaining, forKey: .remaining)
            try c.encode(manifest, forKey: .manifest)
        }
    }

    struct UnverifiableJSON: Encodable {
        var ecosystem: String
        var package: String
        var manifest: String
        var line: Int?
        var reason: String

        enum CodingKeys: String, CodingKey { case ecosystem, package, manifest, line, reason }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ecosystem, forKey: .ecosystem)
            try c.encode(package, forKey: .package)
            try c.encode(manifest, forKey: .manifest)
            try c.encode(line, forKey: .line)
            try c.encode(reason, forKey: .reason)
        }
    }
}
