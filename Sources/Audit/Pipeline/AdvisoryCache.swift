import Advisories

/// The advisories naming each package, read from the store once per run.
final class AdvisoryCache {
    private let store: AdvisoryStore
    private var cache: [String: [StoredAdvisory]] = [:]

    init(store: AdvisoryStore) {
        self.store = store
    }

    func advisories(_ package: String, _ family: EcosystemFamily) throws(AdvisoryStoreError) -> [StoredAdvisory] {
        let key = family.rawValue + "\u{0}" + package
        if let cached = cache[key] { return cached }
        let advisories = try store.advisories(naming: package, family: family)
        cache[key] = advisories
        return advisories
    }
}
