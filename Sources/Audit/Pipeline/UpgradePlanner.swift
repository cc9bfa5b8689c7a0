import Advisories
import Core
import Versions

/// Chooses the version to upgrade a package to: the smallest version above the pin, among the versions
/// the package's advisories name as fixes, that no fixable advisory of the package affects — so an
/// upgrade never lands in another problem that has a fix. Go stays within the module path's major version.
struct UpgradePlanner {
    /// A version in the pin's spelling, parsed.
    struct Candidate {
        var text: String
        var parsed: VersionScheme.Parsed
    }

    let ecosystem: Ecosystem
    let package: String
    let pin: String
    let pinParsed: VersionScheme.Parsed
    /// The non-ignored, non-withdrawn advisories naming the package.
    let advisories: [MatchedAdvisory]

    init?(ecosystem: Ecosystem, package: String, pin: String, advisories: [MatchedAdvisory]) {
        guard let parsed = ecosystem.scheme.parse(pin) else { return nil }
        self.ecosystem = ecosystem
        self.package = package
        self.pin = pin
        pinParsed = parsed
        self.advisories = advisories
    }

    /// Versions in the pin's spelling (`v` and `+incompatible` for Go), above the pin and within its major, sorted.
    func candidates(_ versions: [String]) -> [Candidate] {
        above(versions.compactMap(spell))
    }

    /// The fixes the advisories name, above the pin, sorted.
    func candidates(of advisories: [MatchedAdvisory]) -> [Candidate] {
        above(advisories.flatMap(spelledFixes))
    }

    private func above(_ spelled: [Candidate]) -> [Candidate] {
        var seen: Set<String> = []
        return spelled.filter { pinParsed < $0.parsed && seen.insert($0.text).inserted }.sorted { $0.parsed < $1.parsed }
    }

    /// An advisory's fixes in the pin's spelling (computed when the advisory was read).
    private func spelledFixes(_ advisory: MatchedAdvisory) -> [Candidate] {
        pinIsIncompatible ? advisory.spelledFixesForIncompatiblePin : advisory.spelledFixes
    }

    private var pinIsIncompatible: Bool {
        if case .go(let version) = pinParsed { return version.isIncompatible }
        return false
    }

    private func spell(_ version: String) -> Candidate? {
        Self.spell(version, ecosystem: ecosystem, package: package, pinIsIncompatible: pinIsIncompatible)
    }

    /// `version` in the spelling of the package's versions, or `nil` when the pin may not move there:
    /// `v` and canonical form for Go, staying within the module path's major version.
    static func spell(_ version: String, ecosystem: Ecosystem, package: String, pinIsIncompatible: Bool) -> Candidate? {
        guard ecosystem == .go else {
            return ecosystem.scheme.parse(version).flatMap { parsed in ecosystem.scheme.normalized(version).map { Candidate(text: $0, parsed: parsed) } }
        }
        guard var parsed = GoVersion(version.hasPrefix("v") ? version : "v" + version),
              let split = GoModulePath.splitMajor(package) else { return nil }
        if split.major.isEmpty, parsed.major != "0", parsed.major != "1", !parsed.isIncompatible {
            // v2 and later of a module without a /vN suffix exist only as +incompatible, and only a pin
            // that is already +incompatible may move there.
            guard pinIsIncompatible, let incompatible = GoVersion(parsed.canonical + "+incompatible") else { return nil }
            parsed = incompatible
        }
        guard GoModulePath.checkMajor(parsed, pathMajor: split.major) == nil else { return nil }
        return Candidate(text: parsed.moduleCanonical, parsed: .go(parsed))
    }

    /// Whether the advisory names a fix above the pin (within the major).
    func isFixable(_ advisory: MatchedAdvisory) -> Bool {
        spelledFixes(advisory).contains { pinParsed < $0.parsed }
    }

    /// The smallest of `candidates` that none of `fixable` affects.
    /// The advisory that blocked one candidate is tried first on the next: consecutive versions tend to
    /// be blocked by the same advisory, so most candidates are rejected with one range check.
    func clearing(_ candidates: [Candidate], _ fixable: [MatchedAdvisory]) -> Candidate? {
        var blocker: Int?
        for candidate in candidates {
            if let blocker, fixable[blocker].matcher.affects(candidate.parsed) { continue }
            guard let next = fixable.indices.first(where: { fixable[$0].matcher.affects(candidate.parsed) }) else { return candidate }
            blocker = next
        }
        return nil
    }

    /// Whether a candidate is a release (not a Go pseudo-version, which names a commit nobody tagged).
    static func isRelease(_ candidate: Candidate) -> Bool {
        guard case .go = candidate.parsed else { return true }
        return GoPseudoVersion(candidate.text) == nil
    }

    /// The upgrade for the findings (alias groups, each affecting the pin): the smallest release that clears
    /// them, else the smallest version (a pseudo-version) that does — users move to releases.
    func plan(groups: [[MatchedAdvisory]]) -> (to: String?, fixes: [String], remaining: [String]) {
        let fixableIDs = Set(advisories.filter(isFixable).map(\.id))
        let fixable = advisories.filter { fixableIDs.contains($0.id) }
        let all = candidates(of: advisories)
        // Only when the smallest clearing version is a pseudo-version is a release looked for (above it).
        var target = clearing(all, fixable)
        if let found = target, !Self.isRelease(found) {
            target = clearing(all.filter { found.parsed < $0.parsed && Self.isRelease($0) }, fixable) ?? found
        }
        var fixed: [String] = [], remaining: [String] = []
        for group in groups {
            let id = group[0].id
            if !group.contains(where: { fixableIDs.contains($0.id) || isFixable($0) }) {
                remaining.append(id)
            } else if let target, !group.contains(where: { $0.matcher.affects(target.parsed) }) {
                fixed.append(id)
            }
        }
        return (target?.text, fixed, remaining)
    }

    /// A finding's `fixed`: the smallest of its group's fix versions that no member of the group affects.
    func fixed(for group: [MatchedAdvisory]) -> String? {
        clearing(candidates(of: group), group)?.text
    }
}
