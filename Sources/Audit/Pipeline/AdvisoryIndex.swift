import Core
import Advisories
import Dispatch
import Foundation

/// An advisory naming a package, with its ranges for that package compiled. A class: it is passed
/// around a lot, and copying the advisory's fields each time showed in profiles. Immutable, so audits
/// may match manifests on several threads.
final class MatchedAdvisory: @unchecked Sendable {
    let stored: StoredAdvisory
    let matcher: PackageMatcher
    let id: String
    /// The advisory's fix versions spelled as the package's versions, for a pin that is not +incompatible
    /// and for one that is (computed once: the same advisory is planned for many pins).
    let spelledFixes: [UpgradePlanner.Candidate]
    let spelledFixesForIncompatiblePin: [UpgradePlanner.Candidate]

    init(stored: StoredAdvisory, matcher: PackageMatcher, ecosystem: Ecosystem, package: String) {
        self.stored = stored
        self.matcher = matcher
        id = stored.advisory.id
        let fixes = matcher.fixedVersions
        spelledFixes = fixes.compactMap { UpgradePlanner.spell($0, ecosystem: ecosystem, package: package, pinIsIncompatible: false) }
        spelledFixesForIncompatiblePin = ecosystem == .go
            ? fixes.compactMap { UpgradePlanner.spell($0, ecosystem: ecosystem, package: package, pinIsIncompatible: true) }
            : spelledFixes
    }
}

/// A database's advisories as the audits of one run use them: each package's advisories read from the
/// store once and their ranges compiled once, and what matching and planning work out from them
/// remembered (`memo`). The caller builds one and passes it to every audit of the run: `diff` audits two
/// revisions through one, `scan` a thousand repositories. Shared by threads; the store must not change
/// while it is in use.
///
/// It also keeps every `MatchedAdvisory` alive for as long as it lives, which the memo's identity keys
/// rely on, and which lets the executable end without freeing them one by one.
public final class AdvisoryIndex: @unchecked Sendable {
    /// The database.
    public let store: AdvisoryStore
    /// Pin outcomes, alias groups, finding texts and upgrade plans already worked out.
    let memo = MatchMemo()
    private var cache: [Ecosystem: [String: [MatchedAdvisory]]] = [:]
    private var advisoryCount: Int?
    /// Guards `cache` and `advisoryCount`: audits of a fleet prefetch at the same time.
    private let lock = NSLock()

    /// An index over `store`, empty until audits ask for packages.
    public init(store: AdvisoryStore) {
        self.store = store
    }

    /// How many advisories the database holds (counted once).
    func count() throws(AdvisoryStoreError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let advisoryCount { return advisoryCount }
        let counted = try store.count()
        advisoryCount = counted
        return counted
    }

    /// Reads the advisories of many packages at once: those not read before.
    func prefetch(_ packages: [String], _ ecosystem: Ecosystem) throws(AdvisoryStoreError) {
        lock.lock()
        defer { lock.unlock() }
        // Deduplicated first: a tree names each package many times.
        var known = cache.removeValue(forKey: ecosystem) ?? [:]
        defer { cache[ecosystem] = known }
        let missing = Set(packages).filter { known[$0] == nil }
        guard !missing.isEmpty else { return }
        known.reserveCapacity(known.count + missing.count)
        // Most packages have no advisory: only the others have anything to compile.
        let read = try store.advisories(naming: Array(missing), ecosystem: ecosystem)
        var withAdvisories: [(package: String, stored: [StoredAdvisory])] = []
        for (package, stored) in read {
            if stored.isEmpty { known[package] = [] } else { withAdvisories.append((package, stored)) }
        }
        let fetched = withAdvisories
        // Compiling each package's ranges is independent per package: on every core.
        let compiled = fetched.concurrentMap { package, stored in
            stored.compactMap { stored in
                PackageMatcher(stored.advisory, ecosystem: ecosystem, package: package).map {
                    MatchedAdvisory(stored: stored, matcher: $0, ecosystem: ecosystem, package: package)
                }
            }
        }
        for (fetched, matched) in zip(fetched, compiled) {
            known[fetched.package] = matched
        }
    }

    /// What has been read so far (for matching on several threads).
    var snapshot: AdvisorySnapshot {
        lock.lock()
        defer { lock.unlock() }
        return AdvisorySnapshot(byEcosystem: cache)
    }
}

/// The advisories read for an audit, by ecosystem and package; immutable, so threads share it.
struct AdvisorySnapshot: @unchecked Sendable {
    let byEcosystem: [Ecosystem: [String: [MatchedAdvisory]]]

    /// The advisories naming `package` in `ecosystem` (empty when none, or when it was not read).
    func naming(_ package: String, _ ecosystem: Ecosystem) -> [MatchedAdvisory] {
        byEcosystem[ecosystem]?[package] ?? []
    }
}
