import Core
import Advisories
import Dispatch
import Foundation
import Manifest

/// The audit pipeline: inventory → match → merge aliases → policy → upgrade plan → result.
public enum Auditor {
    /// Audits `options.roots` against the advisories of `index` (one index for every audit of a run).
    public static func audit(_ options: AuditOptions, index: AdvisoryIndex) throws(AdvisoryStoreError) -> AuditResult {
        let inventory = options.inventory ?? InventoryLoader.load(options.roots, from: options.source, binaries: options.binaries)
        for ecosystem in Ecosystem.allCases {
            let manifests = inventory.manifests.filter { $0.ecosystem == ecosystem }
            // The standard library's advisories (hundreds) only when there is a go.mod to check them for.
            let standardLibrary = ecosystem == .go && !manifests.isEmpty ? ["stdlib", "toolchain"] : []
            try index.prefetch(manifests.flatMap { $0.dependencies.map(\.package) } + standardLibrary, ecosystem)
        }
        let audited = inventory.manifests.filter { $0.uses == nil }
        let matching = ManifestMatching(advisories: index.snapshot, goVersion: options.goVersion, gitRanges: options.gitRanges, memo: index.memo)
        var matches = matchInParallel(audited, matching)
        var warnings = inventory.warnings
        let unchecked = zip(audited, matches).filter { $0.1.standardLibraryUnchecked }.map(\.0.path)
        if let first = unchecked.first {
            warnings.append(Diagnostic(.warning, .uncheckedStandardLibrary, path: options.source.displayPath(first), line: nil, column: nil,
                message: "the Go standard library was not checked in \(unchecked.count) go.mod file(s) with a go directive but no toolchain directive "
                    + "(the go directive is a language version, not the toolchain that builds the binary); pass --go-version 1.22.4 or add a toolchain line"))
        }
        let (denied, policyWarnings) = PolicyApplication.apply(options.policy, to: &matches, inventory: inventory, today: options.today)
        warnings += policyWarnings
        let packages = matches.flatMap(\.packages)
        var upgrades = UpgradePlanning.plan(packages, advisories: matching.advisories, memo: matching.memo)
        let builtFrom = Dictionary(inventory.manifests.filter { $0.binary != nil }.map { ($0.path, $0.module ?? "") }) { first, _ in first }
        for index in upgrades.indices { upgrades[index].builtFrom = builtFrom[upgrades[index].manifest] }
        var findings = packages.flatMap(\.findings) + denied
        ReachabilityMarking.mark(&findings, inventory: inventory, advisories: matching.advisories, imported: options.importedPackages)
        let policy = options.policy
        var result = AuditResult(
            databasePath: index.store.path, databaseAdvisories: try index.count(),
            manifests: audited.map { AuditedManifest(path: $0.path, ecosystem: $0.ecosystem, dependencies: $0.dependencies.count) },
            findings: sorted(findings), upgrades: upgrades, unverifiable: matches.flatMap(\.unverifiable),
            errors: inventory.errors, warnings: warnings,
            failOn: options.failOn ?? policy.failOn ?? .any,
            failKinds: options.kinds ?? policy.kinds ?? Policy.allKinds, roots: options.roots)
        result.inventory = inventory
        result.reachableOnly = options.reachableOnly ?? policy.reachableOnly
        return result
    }

    /// Matches manifests on every core; results in the manifests' order.
    private static func matchInParallel(_ manifests: [ManifestInventory], _ matching: ManifestMatching) -> [ManifestMatches] {
        manifests.concurrentMap(matching.match)
    }

    /// Findings in report order: by manifest, open before ignored, most severe first, then package and id.
    /// Sorted by index over keys built once (comparing findings through the array, and moving them,
    /// showed in profiles).
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let manifestRank = Dictionary(uniqueKeysWithValues: Set(findings.map(\.manifest)).sorted().enumerated().map { ($1, $0) })
        let keys = findings.map { FindingOrder(manifest: manifestRank[$0.manifest]!, ignored: $0.ignored, severity: $0.severity,
                                               package: $0.package, id: $0.id) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { findings[$0] }
    }

    /// A finding's place in the report.
    private struct FindingOrder: Comparable {
        var manifest: Int
        var ignored: Bool
        var severity: Severity
        var package: String
        var id: String

        static func < (a: Self, b: Self) -> Bool {
            if a.manifest != b.manifest { return a.manifest < b.manifest }
            if a.ignored != b.ignored { return !a.ignored }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.package != b.package { return a.package < b.package }
            return a.id < b.id
        }
    }
}

/// Plans the upgrades once the policy is applied: each considers only the findings that are not ignored.
enum UpgradePlanning {
    /// One upgrade per package with a version and a finding the policy leaves open, in the packages'
    /// order (independent of each other, so they are planned on every core).
    static func plan(_ packages: [PackageMatches], advisories: AdvisorySnapshot, memo: MatchMemo) -> [Upgrade] {
        packages.concurrentMap { plan($0, advisories: advisories, memo: memo) }.compactMap { $0 }
    }

    private static func plan(_ package: PackageMatches, advisories: AdvisorySnapshot, memo: MatchMemo) -> Upgrade? {
        guard !package.groups.isEmpty, package.findings.contains(where: { !$0.ignored }) else { return nil }
        let ecosystem = package.ecosystem
        let ignoredIDs = Set(package.findings.filter(\.ignored).flatMap { [$0.id] + $0.aliases })
        let liveGroups = package.groups.filter { !ignoredIDs.contains($0[0].id) }
        let pin = ToolchainSpelling.semver(package.version) ?? package.version
        // The same package, pin, groups and ignores in another manifest plan the same (a pure function).
        let memoKey = [ecosystem.rawValue, package.package, pin] + ignoredIDs.sorted() + ["\u{2}"] + liveGroups.map { $0.map(\.id).joined(separator: ",") }
        let plan = memo.plan(memoKey) {
            let candidates = advisories.naming(package.package, ecosystem).filter { $0.stored.advisory.withdrawn == nil && !ignoredIDs.contains($0.id) }
            guard let planner = UpgradePlanner(ecosystem: ecosystem, package: package.package, pin: pin, advisories: candidates) else {
                return nil
            }
            let planned = planner.plan(groups: liveGroups)
            return UpgradePlan(to: planned.to, fixes: planned.fixes, remaining: planned.remaining)
        }
        guard let plan else { return nil }
        let to = package.version.hasPrefix("go") ? plan.to.flatMap(ToolchainSpelling.tag) : plan.to
        return Upgrade(ecosystem: ecosystem, package: package.package, from: package.version, to: to, fixes: plan.fixes,
                       remaining: plan.remaining, manifest: package.manifest, direct: package.direct)
    }
}
