import Advisories
import Core
import Foundation
import Manifest
import TOMLKit

/// `depwatch.vet.toml`: who reviewed which dependency at which version (after cargo-vet, made small).
/// People commit and review this file; depwatch writes it only through `depwatch vet`.
public struct VetRecords: Sendable {
    /// One record.
    public struct Record: Sendable, Hashable {
        /// `vetted` (someone reviewed it) or `exemption` (pinned before vetting was adopted).
        public var kind: String
        /// The package (module path or normalized location).
        public var package: String
        /// The version reviewed (or the source, for a dependency without one: `local`, `branch`).
        public var version: String
        /// Why it is fine.
        public var reason: String?
        /// Who reviewed it.
        public var by: String?
        /// When, `YYYY-MM-DD`.
        public var date: String?
        /// The record's line in the file.
        public var line: Int

        /// Creates a record (line 0 for one not yet written).
        public init(kind: String, package: String, version: String, reason: String?, by: String?, date: String?, line: Int = 0) {
            self.kind = kind
            self.package = package
            self.version = version
            self.reason = reason
            self.by = by
            self.date = date
            self.line = line
        }
    }

    /// The file name, at the repository root.
    public static let fileName = "depwatch.vet.toml"

    /// The records, in file order.
    public var records: [Record]

    /// Creates a set of records.
    public init(records: [Record] = []) {
        self.records = records
    }

    /// Whether `package` at `version` is covered: a record for that version, or a `vetted` record for a
    /// later version of it (an upgrade past every vetted version is not covered).
    public func covers(package: String, version: String?, ecosystem: Ecosystem) -> Bool {
        let mine = records.filter { $0.package == package }
        guard let version else { return !mine.isEmpty }
        return mine.contains { record in
            if record.version == version { return true }
            guard record.kind == "vetted", let order = ecosystem.scheme.compare(version, record.version) else { return false }
            return order <= 0
        }
    }

    /// The records of `depwatch.vet.toml` in `directory` of `source` (none when there is no file); errors
    /// name the file by the source's display path.
    public static func load(in directory: String, from source: any ManifestSource) throws(AuditError) -> VetRecords {
        let path = PathName.join(directory, fileName)
        guard source.exists(path) else { return VetRecords() }
        return try parse(PolicyLocation.text(of: path, from: source), path: source.displayPath(path))
    }

    /// Reads `text`; errors name their line.
    public static func parse(_ text: String, path: String) throws(AuditError) -> VetRecords {
        let table = try PolicyParser.tomlTable(text, path: path)
        let lines = SourceLines(text)
        for key in table.keys.sorted() where key != "vetted" && key != "exemption" {
            throw .policy(path: path, line: lines.key(key, in: nil), column: nil, message: "unknown key \"\(TerminalText.excerpt(key))\"; expected [[vetted]] or [[exemption]]")
        }
        var records: [Record] = []
        for kind in ["vetted", "exemption"] {
            guard let array = table[kind]?.array else { continue }
            for (index, element) in array.enumerated() {
                let line = lines.header(kind, index) ?? 1
                guard let entry = element.table else { throw .policy(path: path, line: line, column: nil, message: "\(kind) must be [[\(kind)]] tables") }
                for key in entry.keys.sorted() where !["package", "version", "reason", "by", "date"].contains(key) {
                    throw .policy(path: path, line: lines.key(key, after: line) ?? line, column: nil,
                                  message: "unknown key \"\(TerminalText.excerpt(key))\" in [[\(kind)]]; expected one of by, date, package, reason, version")
                }
                guard let package = entry["package"]?.string, let version = entry["version"]?.string else {
                    throw .policy(path: path, line: line, column: nil, message: "[[\(kind)]] needs a package and a version")
                }
                let reason = entry["reason"]?.string
                if kind == "vetted", reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                    throw .policy(path: path, line: line, column: nil, message: "[[vetted]] of \(package)@\(version) needs a reason")
                }
                let date = entry["date"]?.date.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) } ?? entry["date"]?.string
                records.append(Record(kind: kind, package: package, version: version, reason: reason, by: entry["by"]?.string,
                                      date: date, line: line))
            }
        }
        return VetRecords(records: records.sorted { $0.line < $1.line })
    }

    /// The TOML text of one record, to append to the file.
    public static func text(of record: Record) -> String {
        var out = "\n[[\(record.kind)]]\npackage = \(quoted(record.package))\nversion = \(quoted(record.version))\n"
        if let reason = record.reason { out += "reason = \(quoted(reason))\n" }
        if let by = record.by { out += "by = \(quoted(by))\n" }
        if let date = record.date { out += "date = \(date)\n" }
        return out
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The pinned dependencies of `inventory` that no record covers.
    public func unvetted(in inventory: Inventory) -> [(manifest: String, dependency: Dependency)] {
        inventory.manifests.flatMap { manifest in
            manifest.dependencies.filter { !covers(package: $0.package, version: $0.version, ecosystem: manifest.ecosystem) }
                .map { (manifest.path, $0) }
        }
    }
}
