import Advisories
import Core
import Foundation

/// Results that depend only on which advisories matched, remembered across manifests: services pin the
/// same popular modules at the same versions, so the same pin outcomes, alias groups, finding texts and
/// upgrade plans come up again and again (in the corpus, 3,635 findings from far fewer distinct groups).
/// Shared by the threads that match manifests; every value is a pure function of its key. Advisories
/// are keyed by identity: the cache makes one `MatchedAdvisory` per (advisory, package), alive for the
/// whole audit, so identities also say which package.
final class MatchMemo: @unchecked Sendable {
    private let groups = Table<[ObjectIdentifier], [[MatchedAdvisory]]>()
    private let templates = Table<[ObjectIdentifier], FindingTemplate>()
    private let outcomes = Table<Pin, PinOutcome>()
    private let plans = Table<String, UpgradePlan?>()

    /// One pin of a package: its version, and its commit when GIT ranges can be evaluated.
    struct Pin: Hashable {
        var ecosystem: Ecosystem
        var package: String
        var version: String
        var revision: String?
    }

    /// The alias groups of `affected` (advisories of one package).
    func groups(affected: [MatchedAdvisory]) -> [[MatchedAdvisory]] {
        groups.remember(affected.map(ObjectIdentifier.init)) { AliasGroups.group(affected) }
    }

    /// What every finding of `group` shares.
    func template(_ group: [MatchedAdvisory]) -> FindingTemplate {
        templates.remember(group.map(ObjectIdentifier.init)) { FindingTemplate(group) }
    }

    /// What the advisories of the pin's package say of it.
    func outcome(_ pin: Pin, compute: () -> PinOutcome) -> PinOutcome {
        outcomes.remember(pin, compute)
    }

    /// An upgrade plan for `key` (package, pin, the groups it must clear, what is ignored); `nil` when
    /// the pin cannot be planned for.
    func plan(_ key: [String], compute: () -> UpgradePlan?) -> UpgradePlan? {
        plans.remember(Self.key(key), compute)
    }

    private static func key(_ parts: [String]) -> String {
        parts.joined(separator: "\u{1}")
    }

    /// One memo table behind its own lock (the value is computed outside it).
    private final class Table<Key: Hashable, Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Key: Value] = [:]

        func remember(_ key: Key, _ compute: () -> Value) -> Value {
            lock.lock()
            let known = values[key]
            lock.unlock()
            if let known { return known }
            let value = compute()
            lock.lock()
            values[key] = value
            lock.unlock()
            return value
        }
    }
}

/// The parts of a finding that come from its alias group alone.
struct FindingTemplate {
    var id: String
    var aliases: [String]
    var kind: AdvisoryKind
    var severity: Severity
    var summary: String
    var url: String?
    var details: String?

    init(_ group: [MatchedAdvisory]) {
        let primary = group[0].stored
        id = primary.advisory.id
        aliases = Set(group.flatMap { [$0.id] + ($0.stored.advisory.aliases ?? []) }).subtracting([primary.advisory.id]).sorted()
        kind = primary.kind
        severity = group.map(\.stored.severity).max() ?? .unknown
        summary = primary.advisory.summary ?? group.compactMap(\.stored.advisory.summary).first ?? primary.advisory.id
        url = ManifestMatching.url(of: primary)
        details = primary.advisory.details
    }
}

/// What an upgrade plan decides.
struct UpgradePlan {
    var to: String?
    var fixes: [String]
    var remaining: [String]
}
