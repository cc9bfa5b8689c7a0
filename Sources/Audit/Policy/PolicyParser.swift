import Advisories
import Core
import Foundation
import TOMLKit

/// Reads `depwatch.toml`. Every problem is an error with the line it is on: a policy that silently
/// drops an entry would fail or pass a pull request for the wrong reason.
public enum PolicyParser {
    static let topLevelKeys: Set<String> = ["fail-on", "kinds", "ignore", "deny", "require-vetting", "reachable-only"]
    static let ignoreKeys: Set<String> = ["id", "reason", "until", "package"]
    static let denyKeys: Set<String> = ["package", "versions", "reason", "severity"]

    /// `text` as a TOML table; a syntax error names its line and column (shared with the vetting records).
    public static func tomlTable(_ text: String, path: String) throws(AuditError) -> TOMLTable {
        do {
            try TOMLHeaderGuard.check(text)
        } catch {
            throw .policy(path: path, line: error.line, column: error.column, message: error.message)
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .policy(path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .policy(path: path, line: nil, column: nil, message: "\(error)")
        }
    }

    /// Parses the policy in `text`; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(AuditError) -> Policy {
        let table = try tomlTable(text, path: path)
        let lines = SourceLines(text)
        var policy = Policy(path: path)
        for key in table.keys.sorted() where !topLevelKeys.contains(key) {
            throw .policy(path: path, line: lines.key(key, in: nil), column: nil,
                          message: "unknown key \"\(TerminalText.excerpt(key))\"; expected one of \(topLevelKeys.sorted().joined(separator: ", "))")
        }
        if let value = table["fail-on"] {
            guard let text = value.string, let threshold = FailThreshold(rawValue: text) else {
                throw .policy(path: path, line: lines.key("fail-on", in: nil), column: nil,
                              message: "fail-on must be one of \(FailThreshold.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            policy.failOn = threshold
        }
        if let value = table["require-vetting"] {
            guard let flag = value.bool else {
                throw .policy(path: path, line: lines.key("require-vetting", in: nil), column: nil, message: "require-vetting must be true or false")
            }
            policy.requireVetting = flag
        }
        if let value = table["reachable-only"] {
            guard let flag = value.bool else {
                throw .policy(path: path, line: lines.key("reachable-only", in: nil), column: nil, message: "reachable-only must be true or false")
            }
            policy.reachableOnly = flag
        }
        if let value = table["kinds"] {
            let kinds = value.array.map { $0.compactMap { $0.string.flatMap(AdvisoryKind.init(rawValue:)) } } ?? []
            guard let array = value.array, kinds.count == array.count, !kinds.isEmpty else {
                throw .policy(path: path, line: lines.key("kinds", in: nil), column: nil,
                              message: "kinds must be a list of \(Policy.allKinds.sorted().map(\.rawValue).joined(separator: ", "))")
            }
            policy.kinds = Set(kinds)
        }
        for entry in try entries("ignore", table, lines, path) {
            policy.ignores.append(try ignore(entry.table, line: entry.line, lines, path))
        }
        for entry in try entries("deny", table, lines, path) {
            policy.denies.append(try deny(entry.table, line: entry.line, lines, path))
        }
        return policy
    }

    private static func entries(_ name: String, _ table: TOMLTable, _ lines: SourceLines, _ path: String) throws(AuditError) -> [(table: TOMLTable, line: Int)] {
        guard let value = table[name] else { return [] }
        guard let array = value.array else {
            throw .policy(path: path, line: lines.key(name, in: nil), column: nil, message: "\(name) must be written as [[\(name)]] tables")
        }
        var result: [(TOMLTable, Int)] = []
        for (index, element) in array.enumerated() {
            guard let entry = element.table else {
                throw .policy(path: path, line: lines.header(name, index) ?? lines.key(name, in: nil), column: nil,
                              message: "\(name) must be written as [[\(name)]] tables")
            }
            result.append((entry, lines.header(name, index) ?? 1))
        }
        return result
    }

    private static func ignore(_ entry: TOMLTable, line: Int, _ lines: SourceLines, _ path: String) throws(AuditError) -> Policy.Ignore {
        try checkKeys(entry, allowed: ignoreKeys, section: "ignore", line: line, lines, path)
        guard let id = entry["id"]?.string, !id.isEmpty else {
            throw .policy(path: path, line: line, column: nil, message: "[[ignore]] needs an id (an advisory id or alias)")
        }
        guard let reason = entry["reason"]?.string, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .policy(path: path, line: line, column: nil, message: "[[ignore]] of \(id) needs a reason: say why it is safe to ignore")
        }
        var until: String?
        if let value = entry["until"] {
            if let date = value.date {
                until = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            } else if let text = value.string, Self.isDate(text) {
                until = text
            } else {
                throw .policy(path: path, line: lines.key("until", after: line) ?? line, column: nil,
                              message: "until must be a date such as 2026-12-31")
            }
        }
        return Policy.Ignore(id: id, reason: reason, until: until, package: entry["package"]?.string, line: line)
    }

    private static func deny(_ entry: TOMLTable, line: Int, _ lines: SourceLines, _ path: String) throws(AuditError) -> Policy.Deny {
        try checkKeys(entry, allowed: denyKeys, section: "deny", line: line, lines, path)
        guard let package = entry["package"]?.string, !package.isEmpty else {
            throw .policy(path: path, line: line, column: nil, message: "[[deny]] needs a package")
        }
        guard let reason = entry["reason"]?.string, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .policy(path: path, line: line, column: nil, message: "[[deny]] of \(package) needs a reason")
        }
        var versions: VersionConstraint?
        if let text = entry["versions"]?.string {
            guard let constraint = VersionConstraint(text) else {
                throw .policy(path: path, line: lines.key("versions", after: line) ?? line, column: nil,
                              message: "versions must be comparisons such as \">= 1.0.0, < 1.2.0\"")
            }
            versions = constraint
        }
        var severity = Severity.high
        if let text = entry["severity"]?.string {
            guard let parsed = Severity(rawValue: text.lowercased()) else {
                throw .policy(path: path, line: lines.key("severity", after: line) ?? line, column: nil,
                              message: "severity must be one of critical, high, medium, low")
            }
            severity = parsed
        }
        return Policy.Deny(package: package, versions: versions, reason: reason, severity: severity, line: line)
    }

    private static func checkKeys(_ entry: TOMLTable, allowed: Set<String>, section: String, line: Int,
                                  _ lines: SourceLines, _ path: String) throws(AuditError) {
        for key in entry.keys.sorted() where !allowed.contains(key) {
            throw .policy(path: path, line: lines.key(key, after: line) ?? line, column: nil,
                          message: "unknown key \"\(TerminalText.excerpt(key))\" in [[\(section)]]; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Finds the lines of TOML keys and `[[table]]` headers in a policy file, for error messages (the TOML
/// library reports positions of syntax errors only).
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line of the `index`-th `[[name]]` header.
    func header(_ name: String, _ index: Int) -> Int? {
        let matches = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[[\(name)]]") }
        return index < matches.count ? matches[index] + 1 : nil
    }

    /// The first line after `after` (or anywhere, when `nil`) that assigns `key`.
    func key(_ key: String, after: Int? = nil, in section: String? = nil) -> Int? {
        let start = after ?? 0
        for index in lines.indices where index >= start {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(key) && trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return index + 1 }
            if trimmed.hasPrefix("[\(key)]") || trimmed.hasPrefix("[[\(key)]]") { return index + 1 }
        }
        return nil
    }

    func key(_ key: String, in section: String?) -> Int? {
        self.key(key, after: nil, in: section)
    }
}
