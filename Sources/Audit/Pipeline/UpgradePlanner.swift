import Advisories
import Versions

/// Chooses the version to upgrade a package to: the smallest version above the pin, among the versions
/// the package's advisories name as fixes, that no fixable advisory of the package affects — so an
/// upgrade never lands in another problem that has a fix. Go stays within the module path's major version.
struct UpgradePlanner {
    let family: EcosystemFamily
    let package: String
    let pin: String
    /// The non-ignored, non-withdrawn advisories naming the package.
    let advisories: [StoredAdvisory]

    /// The fix versions of `advisory` above the pin, in the pin's spelling, sorted.
    func fixes(of advisory: StoredAdvisory) -> [String] {
        guard let verdict = AdvisoryMatcher.verdict(advisory.advisory, family: family, package: package, version: pin) else { return [] }
        return candidates(verdict.fixedVersions)
    }

    /// Versions in the pin's spelling (`v` and `+incompatible` for Go), above the pin and within its major.
    func candidates(_ versions: [String]) -> [String] {
        let spelled = versions.compactMap(spell)
        let above = spelled.filter { (family.scheme.compare($0, pin) ?? -1) > 0 }
        return Array(Set(above)).sorted { (family.scheme.compare($0, $1) ?? 0) < 0 }
    }

    private func spell(_ version: String) -> String? {
        guard family == .go else { return family.scheme.normalized(version) }
        guard var parsed = GoVersion(version.hasPrefix("v") ? version : "v" + version),
              let split = GoModulePath.splitMajor(package) else { return nil }
        if split.major.isEmpty, parsed.major != "0", parsed.major != "1", !parsed.isIncompatible {
            // v2 and later of a module without a /vN suffix exist only as +incompatible, and only a pin
            // that is already +incompatible may move there.
            guard GoVersion(pin)?.isIncompatible == true,
                  let incompatible = GoVersion(parsed.canonical + "+incompatible") else { return nil }
            parsed = incompatible
        }
        guard GoModulePath.checkMajor(parsed, pathMajor: split.major) == nil else { return nil }
        return parsed.moduleCanonical
    }

    /// Whether `advisory` affects `version`.
    func affects(_ advisory: StoredAdvisory, _ version: String) -> Bool {
        AdvisoryMatcher.verdict(advisory.advisory, family: family, package: package, version: version)?.outcome == .affected
    }

    /// The smallest version among `candidates` that none of `fixable` affects.
    func clearing(_ candidates: [String], _ fixable: [StoredAdvisory]) -> String? {
        candidates.first { version in !fixable.contains { affects($0, version) } }
    }

    /// The upgrade for the findings (alias groups, each affecting the pin).
    func plan(groups: [[StoredAdvisory]], primaryIDs: [String]) -> (to: String?, fixes: [String], remaining: [String]) {
        let fixable = advisories.filter { !fixes(of: $0).isEmpty }
        let allCandidates = candidates(advisories.flatMap { advisory in
            AdvisoryMatcher.verdict(advisory.advisory, family: family, package: package, version: pin)?.fixedVersions ?? []
        })
        let target = clearing(allCandidates, fixable)
        var fixed: [String] = [], remaining: [String] = []
        for (group, id) in zip(groups, primaryIDs) {
            if group.allSatisfy({ fixes(of: $0).isEmpty }) {
                remaining.append(id)
            } else if let target, !group.contains(where: { affects($0, target) }) {
                fixed.append(id)
            }
        }
        return (target, fixed, remaining)
    }

    /// A finding's `fixed`: the smallest of its group's fix versions that no member of the group affects.
    func fixed(for group: [StoredAdvisory]) -> String? {
        clearing(candidates(group.flatMap { advisory in
            AdvisoryMatcher.verdict(advisory.advisory, family: family, package: package, version: pin)?.fixedVersions ?? []
        }), group)
    }
}
