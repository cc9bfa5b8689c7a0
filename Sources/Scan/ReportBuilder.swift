import Core
import Foundation
import GRDB

/// Builds a `ScanReport` from the history: the chosen complete run against a baseline (the previous
/// complete run, or `--since`), each repository compared with its own last successful scan up to the
/// baseline, so a repository that failed once neither "fixes" nor "reintroduces" its findings.
public struct ReportBuilder: Sendable {
    let history: HistoryStore
    /// How many runs the trend shows.
    public var trendRuns = 30

    /// A builder over `history`.
    public init(_ history: HistoryStore) {
        self.history = history
    }

    /// Which run to report, and what to compare it with.
    public enum Selection: Sendable, Equatable {
        /// The newest complete run.
        case latest
        /// A run by id.
        case id(Int64)
    }

    /// The report of `run`, compared with the complete run before it, or with `since` (a run id, or a
    /// date: the last complete run started before it).
    public func report(run selection: Selection = .latest, since: String? = nil) throws(ScanError) -> ScanReport {
        try history.read { db in try Self.build(db, selection: selection, since: since, trendRuns: trendRuns) }
    }

    struct RunRow {
        var id: Int64
        var started: Double
        var finished: Double?
        var advisories: Int
        var lastImport: String?
        var open: Int
    }

    static func build(_ db: Database, selection: Selection, since: String?, trendRuns: Int) throws -> ScanReport {
        let runs = try Row.fetchAll(db, sql: "SELECT id, started, finished, advisories, last_import, open FROM run WHERE status = 'complete' ORDER BY id")
            .map { RunRow(id: $0[0], started: $0[1], finished: $0[2], advisories: $0[3], lastImport: $0[4], open: $0[5] ?? 0) }
        let current: RunRow
        switch selection {
        case .latest:
            guard let last = runs.last else { throw ScanError.noSuchRun("latest") }
            current = last
        case .id(let id):
            guard let found = runs.first(where: { $0.id == id }) else { throw ScanError.noSuchRun(String(id)) }
            current = found
        }
        let baseline = try Self.baseline(runs, before: current, since: since)
        let scans = try Row.fetchAll(db, sql: "SELECT name, path, revision, status, error FROM repository_scan WHERE run = ? ORDER BY name",
                                     arguments: [current.id])
        var openItems: [ScanReport.Item] = [], newItems: [ScanReport.Item] = [], fixedItems: [ScanReport.Item] = []
        var repositories: [ScanReport.Repository] = []
        for scan in scans {
            let name: String = scan[0]
            var repository = ScanReport.Repository(name: name, path: scan[1], revision: scan[2], status: scan[3], error: scan[4],
                                                   findings: 0, severities: [:], kinds: [:])
            defer { repositories.append(repository) }
            guard repository.status == "ok" else { continue }
            let items = try Self.items(db, run: current.id, repository: name, at: current.started)
            let before = try baseline.map { try Self.baselineItems(db, repository: name, upTo: $0.id, at: current.started) } ?? []
            let beforeKeys = Set(before.map(Self.key)), nowKeys = Set(items.map(Self.key))
            openItems += items
            newItems += items.filter { !beforeKeys.contains(Self.key($0)) }
            fixedItems += before.filter { !nowKeys.contains(Self.key($0)) }
            repository.findings = items.count
            for item in items {
                repository.severities[item.severity.rawValue, default: 0] += 1
                repository.kinds[item.kind.rawValue, default: 0] += 1
            }
        }
        let failed = repositories.filter { $0.status != "ok" }.count
        return ScanReport(
            run: try Self.describe(db, current, failed: failed),
            previousRun: try baseline.map { try Self.describe(db, $0, failed: nil) },
            new: newItems, fixed: fixedItems, open: openItems, repositories: repositories,
            advisories: Self.advisories(openItems), upgrades: try Self.upgrades(db, run: current.id),
            trend: Self.trend(runs.filter { $0.id <= current.id }.suffix(trendRuns)))
    }

    static func key(_ item: ScanReport.Item) -> String {
        [item.repository, item.manifest, item.package, item.version, item.id].joined(separator: "\u{0}")
    }

    static func baseline(_ runs: [RunRow], before current: RunRow, since: String?) throws -> RunRow? {
        guard let since else { return runs.last { $0.id < current.id } }
        if let id = Int64(since) {
            guard let run = runs.first(where: { $0.id == id }) else { throw ScanError.noSuchRun(since) }
            return run
        }
        guard let date = ReportTime.parse(since) else {
            throw ScanError.configuration("--since \(since): give a run id or a date (2026-11-01)")
        }
        return runs.last { $0.started < date && $0.id < current.id }
    }

    /// The open (not ignored) findings of one repository in one run.
    static func items(_ db: Database, run: Int64, repository: String, at time: Double) throws -> [ScanReport.Item] {
        try Row.fetchAll(db, sql: """
            SELECT f.repository, f.manifest, f.package, f.version, f.id, f.kind, f.severity, coalesce(a.summary, ''), f.first_seen
            FROM finding f LEFT JOIN advisory_summary a ON a.id = f.id
            WHERE f.run = ? AND f.repository = ? AND f.ignored = 0 ORDER BY f.manifest, f.package, f.id
            """, arguments: [run, repository]).map { row in
            let firstSeen: Double = row[8]
            return ScanReport.Item(repository: row[0], manifest: row[1], package: row[2], version: row[3], id: row[4], kind: AdvisoryKind(rawValue: row[5]) ?? .security,
                                   severity: Severity(rawValue: row[6]) ?? .unknown, summary: row[7], firstSeen: ReportTime.iso(firstSeen),
                                   ageDays: max(0, Int((time - firstSeen) / 86_400)))
        }
    }

    /// The repository's findings in its last successful scan in a complete run up to `run`.
    static func baselineItems(_ db: Database, repository: String, upTo run: Int64, at time: Double) throws -> [ScanReport.Item] {
        guard let scanRun = try Int64.fetchOne(db, sql: """
            SELECT s.run FROM repository_scan s JOIN run r ON r.id = s.run
            WHERE s.name = ? AND s.status = 'ok' AND r.status = 'complete' AND r.id <= ? ORDER BY r.id DESC LIMIT 1
            """, arguments: [repository, run]) else { return [] }
        return try items(db, run: scanRun, repository: repository, at: time)
    }

    static func describe(_ db: Database, _ run: RunRow, failed: Int?) throws -> ScanReport.Run {
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM repository_scan WHERE run = ?", arguments: [run.id]) ?? 0
        let failures = try failed ?? Int.fetchOne(db, sql: "SELECT count(*) FROM repository_scan WHERE run = ? AND status != 'ok'",
                                                   arguments: [run.id]) ?? 0
        return ScanReport.Run(id: run.id, started: ReportTime.iso(run.started), finished: run.finished.map(ReportTime.iso),
                              advisories: run.advisories, lastImport: run.lastImport, repositories: total, failed: failures)
    }

    static func advisories(_ items: [ScanReport.Item]) -> [ScanReport.Advisory] {
        Dictionary(grouping: items, by: \.id).values.map { group in
            let first = group[0]
            let byRepository = Dictionary(grouping: group, by: \.repository)
            return ScanReport.Advisory(
                id: first.id, kind: first.kind, severity: first.severity, summary: first.summary, package: first.package,
                repositories: byRepository.keys.sorted().map { name in
                    .init(repository: name, versions: Array(Set(byRepository[name]!.map(\.version))).sorted())
                })
        }
        .sorted { ($0.repositories.count, $1.id) > ($1.repositories.count, $0.id) }
    }

    static func upgrades(_ db: Database, run: Int64) throws -> [ScanReport.Upgrade] {
        var grouped: [String: ScanReport.Upgrade] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT repository, package, from_version, to_version, fixes FROM upgrade WHERE run = ? AND to_version IS NOT NULL
            """, arguments: [run]) {
            let package: String = row[1], to: String = row[3]
            let fixes = (try? JSONDecoder().decode([String].self, from: Data((row[4] as String).utf8))) ?? []
            var upgrade = grouped[package + "\u{0}" + to] ?? ScanReport.Upgrade(package: package, to: to, from: [], repositories: [], clears: 0)
            if !upgrade.from.contains(row[2]) { upgrade.from.append(row[2]) }
            if !upgrade.repositories.contains(row[0]) { upgrade.repositories.append(row[0]) }
            upgrade.clears += fixes.count
            grouped[package + "\u{0}" + to] = upgrade
        }
        return grouped.values.map { upgrade in
            var upgrade = upgrade
            upgrade.from.sort()
            upgrade.repositories.sort()
            return upgrade
        }
        .sorted { ($0.clears, $0.repositories.count, $1.package) > ($1.clears, $1.repositories.count, $0.package) }
    }

    static func trend(_ runs: ArraySlice<RunRow>) -> [ScanReport.TrendPoint] {
        runs.map { ScanReport.TrendPoint(run: $0.id, started: ReportTime.iso($0.started), open: $0.open) }
    }
}
