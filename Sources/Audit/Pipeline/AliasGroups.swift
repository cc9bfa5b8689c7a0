import Advisories

/// Advisories that are aliases of each other (GO-… and GHSA-… for one problem), grouped so that each
/// problem is reported once.
enum AliasGroups {
    /// Groups `advisories`: two advisories are one problem when one names the other as an alias or they
    /// share an alias. Each group lists its primary advisory first: the one no other member names as an
    /// alias (ties broken by id).
    static func group(_ advisories: [StoredAdvisory]) -> [[StoredAdvisory]] {
        var parent = Array(advisories.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var owner: [String: Int] = [:]
        for (index, stored) in advisories.enumerated() {
            for name in [stored.advisory.id] + (stored.advisory.aliases ?? []) {
                if let other = owner[name] { parent[root(index)] = root(other) } else { owner[name] = index }
            }
        }
        let groups = Dictionary(grouping: advisories.indices, by: root).values.map { $0.map { advisories[$0] } }
        return groups.map(primaryFirst).sorted { $0[0].advisory.id < $1[0].advisory.id }
    }

    private static func primaryFirst(_ group: [StoredAdvisory]) -> [StoredAdvisory] {
        let named = Set(group.flatMap { $0.advisory.aliases ?? [] })
        return group.sorted { a, b in
            let (aNamed, bNamed) = (named.contains(a.advisory.id), named.contains(b.advisory.id))
            return aNamed != bNamed ? !aNamed : a.advisory.id < b.advisory.id
        }
    }
}
