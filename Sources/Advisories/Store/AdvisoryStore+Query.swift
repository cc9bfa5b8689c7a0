import Core
import Dispatch
import Foundation
import GRDB
import GRDBSQLite

/// An advisory as stored: the decoded OSV entry and what the store knows of it. A class, immutable: an
/// audit hands the same advisory to every package and manifest that it names, and copying the entry's
/// many fields (a retain each) showed in profiles of the read.
public final class StoredAdvisory: Sendable, Hashable {
    /// The OSV entry.
    public let advisory: OSVAdvisory
    /// What kind of problem it records.
    public let kind: AdvisoryKind
    /// How bad it is.
    public let severity: Severity
    /// Where it came from: `curated`, or the paths of the import that stored it.
    public let source: String
    /// Whether it is one of depwatch's curated advisories.
    public let curated: Bool

    /// An advisory with what the store knows of it.
    public init(advisory: OSVAdvisory, kind: AdvisoryKind, severity: Severity, source: String, curated: Bool) {
        (self.advisory, self.kind, self.severity, self.source, self.curated) = (advisory, kind, severity, source, curated)
    }

    /// Equal when every field is.
    public static func == (a: StoredAdvisory, b: StoredAdvisory) -> Bool {
        a === b || (a.advisory == b.advisory && a.kind == b.kind && a.severity == b.severity && a.source == b.source && a.curated == b.curated)
    }

    /// Hashes every field, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(advisory)
        hasher.combine(kind)
        hasher.combine(severity)
        hasher.combine(source)
        hasher.combine(curated)
    }
}

/// One advisory naming a package, and (when a version was asked about) whether it affects that version.
public struct QueryAnswer: Sendable, Hashable {
    /// The advisory.
    public var stored: StoredAdvisory
    /// The verdict for the version asked about, or `nil` when none was.
    public var verdict: MatchVerdict?
}

/// SQLite's BINARY collation: bytes compared as `memcmp` does, the shorter first when one is a prefix.
enum ByteOrder {
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order < 0 || (order == 0 && a.count < b.count)
    }

    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in precedes(a, b) } }
    }
}

/// The columns of an advisory row, carried out of a read.
private struct StoredRow: Sendable {
    var rowid: Int64
    var id: String
    var kind: String
    var severity: String
    var source: String
    var curated: Bool
    var raw: [UInt8]
}

extension AdvisoryStore {
    /// The advisories naming `package` in `ecosystem`, sorted by id.
    public func advisories(naming package: String, ecosystem: Ecosystem) throws(AdvisoryStoreError) -> [StoredAdvisory] {
        try advisories(naming: [package], ecosystem: ecosystem)[package] ?? []
    }

    /// The advisories naming each of `packages` in `ecosystem`, sorted by id: one read, each advisory read and
    /// decoded once however many of the packages it names.
    public func advisories(naming packages: [String], ecosystem: Ecosystem) throws(AdvisoryStoreError) -> [String: [StoredAdvisory]] {
        let (idsByPackage, rows) = try read { db in
            let idsByPackage = try Self.advisoryIDs(db, packages: packages, ecosystem: ecosystem)
            let wanted = Array(Set(idsByPackage.values.joined()))
            var rows: [Int64: StoredRow] = [:]
            for chunk in stride(from: 0, to: wanted.count, by: 5000).map({ wanted[$0..<min($0 + 5000, wanted.count)] }) {
                let select = try BoundStatement(db, """
                    SELECT rowid, id, kind, severity, source, curated, raw FROM advisory
                    WHERE rowid IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                    """)
                try select.forEachRow(chunk.map { .integer($0) }) { row in
                    let rowid = sqlite3_column_int64(row, 0)
                    rows[rowid] = StoredRow(rowid: rowid, id: BoundStatement.text(row, 1) ?? "", kind: BoundStatement.text(row, 2) ?? "",
                                            severity: BoundStatement.text(row, 3) ?? "", source: BoundStatement.text(row, 4) ?? "",
                                            curated: sqlite3_column_int64(row, 5) != 0, raw: BoundStatement.bytes(row, 6))
                }
            }
            return (idsByPackage, rows)
        }
        // Decoding is independent per advisory: on every core, in id order, so that each package's list
        // is its row ids put in that order (sorting the decoded advisories moved and copied large values).
        let ordered = rows.values.sorted { $0.id < $1.id }
        let results = ordered.concurrentMap { row -> StoredAdvisory? in
            guard let advisory = try? OSVAdvisory(bytes: row.raw) else { return nil }
            return StoredAdvisory(advisory: advisory, kind: AdvisoryKind(rawValue: row.kind) ?? .security,
                                  severity: Severity(rawValue: row.severity) ?? .unknown, source: row.source, curated: row.curated)
        }
        if let failed = results.firstIndex(where: { $0 == nil }) {
            throw .database(path: path, reason: "stored advisory \(ordered[failed].id) no longer decodes; re-import it")
        }
        let rank = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.rowid, $0) })
        return idsByPackage.mapValues { ids in
            ids.compactMap { rank[$0] }.sorted().map { results[$0]! }
        }
    }

    /// The ids of the advisories naming each package: index lookups for a few packages, one pass over the
    /// ecosystem's rows for many (an audit of a large tree names thousands).
    private static func advisoryIDs(_ db: Database, packages: [String], ecosystem: Ecosystem) throws -> [String: [Int64]] {
        var idsByPackage: [String: [Int64]] = [:]
        if packages.count > 200 {
            // The index holds the ecosystem's keys in byte order: walk it alongside the wanted keys sorted the
            // same way, comparing each row's key where SQLite holds it (a String per row showed in profiles).
            var wanted: [(key: [UInt8], package: String)] = []
            for package in packages {
                idsByPackage[package] = []
                for key in ecosystem.lookupKeys(forPackage: package) { wanted.append((Array(key.utf8), package)) }
            }
            wanted.sort { ByteOrder.precedes($0.key, $1.key) }
            var next = 0
            let scan = try BoundStatement(db, "SELECT key, advisory FROM affected_package WHERE family = ? AND key IS NOT NULL ORDER BY key")
            try scan.forEachRow([.text(ecosystem.storedFamily)]) { row in
                guard let text = sqlite3_column_text(row, 0) else { return }
                let key = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, 0)))
                while next < wanted.count, wanted[next].key.withUnsafeBufferPointer({ ByteOrder.precedes($0, key) }) { next += 1 }
                let id = sqlite3_column_int64(row, 1)
                // Several packages may share a key (Swift locations spelled differently): all of them.
                var owner = next
                while owner < wanted.count, wanted[owner].key.elementsEqual(key) {
                    let package = wanted[owner].package
                    if !(idsByPackage[package]?.contains(id) ?? false) { idsByPackage[package, default: []].append(id) }
                    owner += 1
                }
            }
            return idsByPackage
        }
        for package in packages {
            let keys = ecosystem.lookupKeys(forPackage: package)
            // An index-only lookup, prepared once per shape.
            let statement = try db.cachedStatement(sql: """
                SELECT DISTINCT advisory FROM affected_package
                WHERE family = ? AND key IN (\(keys.map { _ in "?" }.joined(separator: ", ")))
                """)
            idsByPackage[package] = try Int64.fetchAll(statement, arguments: StatementArguments([ecosystem.storedFamily] + keys))
        }
        return idsByPackage
    }

    /// The advisories naming `package` (in `ecosystem`, or in every ecosystem when `nil`), each with its
    /// verdict for `version` when one is given. A version of the form `go1.21.5` is read as a Go toolchain.
    public func query(package: String, version: String?, ecosystem: Ecosystem?) throws(AdvisoryStoreError) -> [QueryAnswer] {
        guard let version else {
            var answers: [QueryAnswer] = []
            for ecosystem in ecosystems(ecosystem) {
                answers += try advisories(naming: package, ecosystem: ecosystem).map { QueryAnswer(stored: $0, verdict: nil) }
            }
            return answers
        }
        return try query(package: package, versions: [version], ecosystem: ecosystem)[version] ?? []
    }

    /// The same for several versions of one package at once, by version: the advisories are read, and
    /// their ranges compiled, once for all the versions.
    public func query(package: String, versions: [String], ecosystem: Ecosystem?) throws(AdvisoryStoreError) -> [String: [QueryAnswer]] {
        var answers: [String: [QueryAnswer]] = [:]
        for ecosystem in ecosystems(ecosystem) {
            let stored = try advisories(naming: package, ecosystem: ecosystem)
            let matchers = stored.map { PackageMatcher($0.advisory, ecosystem: ecosystem, package: package) }
            for version in versions {
                let compared = ecosystem == .go ? Self.goVersion(version) : version
                answers[version, default: []] += zip(stored, matchers).map { advisory, matcher in
                    QueryAnswer(stored: advisory, verdict: matcher?.verdict(compared))
                }
            }
        }
        return answers
    }

    private func ecosystems(_ ecosystem: Ecosystem?) -> [Ecosystem] {
        ecosystem.map { [$0] } ?? Ecosystem.allCases
    }

    /// A version as depwatch compares Go versions: toolchain tags (`go1.21.5`) become `v1.21.5`.
    static func goVersion(_ text: String) -> String {
        if text.hasPrefix("go"), let toolchain = GoToolchainVersionBridge.semver(text) { return toolchain }
        return text
    }
}
