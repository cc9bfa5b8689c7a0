import Advisories

/// Advisories that are aliases of each other (GO-… and GHSA-… for one problem), grouped so that each
/// problem is reported once.
enum AliasGroups {
    /// Groups `advisories`: two advisories are one problem when one names the other as an alias or they
    /// share an alias, or a curated advisory (`x_DEPWATCH-…`, depwatch's own records) names the other in
    /// `related` (what `bisect --record` writes over an existing advisory of the same versions). Each group
    /// lists its primary advisory first: the one no other member names as an alias, then one that does not
    /// itself repeat another through `related` (ties broken by id).
    static func group(_ advisories: [MatchedAdvisory]) -> [[MatchedAdvisory]] {
        var parent = Array(advisories.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var owner: [String: Int] = [:]
        for (index, matched) in advisories.enumerated() {
            let related = matched.id.hasPrefix(CuratedAdvisories.idPrefix) ? matched.stored.advisory.related ?? [] : []
            for name in [matched.id] + (matched.stored.advisory.aliases ?? []) + related {
                if let other = owner[name] { parent[root(index)] = root(other) } else { owner[name] = index }
            }
        }
        let groups = Dictionary(grouping: advisories.indices, by: root).values.map { $0.map { advisories[$0] } }
        return groups.map(primaryFirst).sorted { $0[0].id < $1[0].id }
    }

    private static func primaryFirst(_ group: [MatchedAdvisory]) -> [MatchedAdvisory] {
        let named = Set(group.flatMap { $0.stored.advisory.aliases ?? [] })
        let ids = Set(group.map(\.id))
        func repeats(_ m: MatchedAdvisory) -> Bool {
            m.id.hasPrefix(CuratedAdvisories.idPrefix) && (m.stored.advisory.related ?? []).contains(where: ids.contains)
        }
        return group.sorted { a, b in
            let (aNamed, bNamed) = (named.contains(a.id), named.contains(b.id))
            if aNamed != bNamed { return !aNamed }
            let (aRepeats, bRepeats) = (repeats(a), repeats(b))
            return aRepeats != bRepeats ? !aRepeats : a.id < b.id
        }
    }
}
