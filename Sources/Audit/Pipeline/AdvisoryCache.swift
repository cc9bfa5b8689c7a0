import Advisories
import Dispatch

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

    init(stored: StoredAdvisory, matcher: PackageMatcher, family: EcosystemFamily, package: String) {
        self.stored = stored
        self.matcher = matcher
        id = stored.advisory.id
        let fixes = matcher.fixedVersions
        spelledFixes = fixes.compactMap { UpgradePlanner.spell($0, family: family, package: package, pinIsIncompatible: false) }
        spelledFixesForIncompatiblePin = family == .go
            ? fixes.compactMap { UpgradePlanner.spell($0, family: family, package: package, pinIsIncompatible: true) }
            : spelledFixes
    }
}

/// The advisories naming each package, read from the store and compiled once per run.
final class AdvisoryCache {
    private let store: AdvisoryStore
    private var cache: [EcosystemFamily: [String: [MatchedAdvisory]]] = [:]

    init(store: AdvisoryStore) {
        self.store = store
    }

    /// Reads the advisories of many packages at once.
    func prefetch(_ packages: [String], _ family: EcosystemFamily) throws(AdvisoryStoreError) {
        // Deduplicated first: a tree names each package many times.
        var known = cache.removeValue(forKey: family) ?? [:]
        defer { cache[family] = known }
        let missing = Set(packages).filter { known[$0] == nil }
        guard !missing.isEmpty else { return }
        known.reserveCapacity(known.count + missing.count)
        // Most packages have no advisory: only the others have anything to compile.
        let read = try store.advisories(naming: Array(missing), family: family)
        var withAdvisories: [(package: String, stored: [StoredAdvisory])] = []
        for (package, stored) in read {
            if stored.isEmpty { known[package] = [] } else { withAdvisories.append((package, stored)) }
        }
        let fetched = withAdvisories
        // Compiling each package's ranges is independent per package: on every core.
        var compiled = [[MatchedAdvisory]](repeating: [], count: fetched.count)
        compiled.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: fetched.count) { index in
                let (package, stored) = fetched[index]
                output[index] = stored.compactMap { stored in
                    PackageMatcher(stored.advisory, family: family, package: package).map {
                        MatchedAdvisory(stored: stored, matcher: $0, family: family, package: package)
                    }
                }
            }
        }
        for (fetched, matched) in zip(fetched, compiled) {
            known[fetched.package] = matched
        }
    }

    /// What has been read so far (for matching on several threads).
    var snapshot: AdvisorySnapshot { AdvisorySnapshot(byFamily: cache) }
}

/// The advisories read for an audit, by family and package; immutable, so threads share it.
struct AdvisorySnapshot: @unchecked Sendable {
    let byFamily: [EcosystemFamily: [String: [MatchedAdvisory]]]

    /// The advisories naming `package` in `family` (empty when none, or when it was not read).
    func naming(_ package: String, _ family: EcosystemFamily) -> [MatchedAdvisory] {
        byFamily[family]?[package] ?? []
    }
}
