import Advisories
import Foundation
import Manifest
import Versions

/// The audit pipeline: inventory → match → merge aliases → policy → upgrade plan → result.
public struct Auditor {
    private let options: AuditOptions
    private let store: AdvisoryStore
    private let cache: AdvisoryCache
    private var findings: [Finding] = []
    private var groupsByKey: [String: [[MatchedAdvisory]]] = [:]
    private var unverifiable: [Unverifiable] = []
    private var stdlibUnchecked: [String] = []

    /// Audits `options.roots` against `store`.
    public static func audit(_ options: AuditOptions, store: AdvisoryStore) throws(AdvisoryStoreError) -> AuditResult {
        var auditor = Auditor(options: options, store: store)
        return try auditor.run()
    }

    private init(options: AuditOptions, store: AdvisoryStore) {
        self.options = options
        self.store = store
        cache = AdvisoryCache(store: store)
    }

    private mutating func run() throws(AdvisoryStoreError) -> AuditResult {
        let inventory = InventoryLoader.load(options.roots)
        for family in EcosystemFamily.allCases {
            let packages = inventory.manifests.filter { EcosystemFamily($0.ecosystem) == family }.flatMap { $0.dependencies.map(\.package) }
            try cache.prefetch(packages + (family == .go ? ["stdlib", "toolchain"] : []), family)
        }
        var manifests: [AuditedManifest] = []
        var upgrades: [Upgrade] = []
        for manifest in inventory.manifests where manifest.uses == nil {
            manifests.append(AuditedManifest(path: manifest.path, ecosystem: manifest.ecosystem.rawValue,
                                             dependencies: manifest.dependencies.count))
            for dependency in manifest.dependencies + standardLibrary(of: manifest) {
                if let upgrade = try audit(dependency, in: manifest) { upgrades.append(upgrade) }
            }
        }
        var warnings = inventory.warnings
        if !stdlibUnchecked.isEmpty {
            warnings.append(Diagnostic(.warning, path: stdlibUnchecked[0], line: nil, column: nil,
                message: "the Go standard library was not checked in \(stdlibUnchecked.count) go.mod file(s) with a go directive but no toolchain directive "
                    + "(the go directive is a language version, not the toolchain that builds the binary); pass --go-version 1.22.4 or add a toolchain line"))
        }
        let (denied, policyWarnings) = PolicyApplication.apply(options.policy, to: &findings, inventory: inventory, today: options.today)
        findings += denied
        warnings += policyWarnings
        upgrades = try recomputeUpgrades(upgrades)
        let policy = options.policy
        return AuditResult(
            databasePath: store.path, databaseAdvisories: try store.count(), manifests: manifests,
            findings: findings.sorted(by: Self.order), upgrades: upgrades, unverifiable: unverifiable,
            errors: inventory.errors, warnings: warnings,
            failOn: options.failOn ?? policy.failOn ?? .any,
            failKinds: options.kinds ?? policy.kinds ?? Policy.allKinds, roots: options.roots)
    }

    /// `stdlib` and `toolchain` as dependencies of a go.mod, at `--go-version` or its toolchain directive.
    private mutating func standardLibrary(of manifest: ManifestInventory) -> [Dependency] {
        guard manifest.ecosystem == .go else { return [] }
        guard let value = options.goVersion ?? manifest.toolchain, value != "default" else {
            if manifest.go != nil { stdlibUnchecked.append(manifest.path) }
            return []
        }
        let version = value.hasPrefix("go") ? value : "go" + value
        let line = options.goVersion == nil ? manifest.toolchainLine : nil
        return ["stdlib", "toolchain"].map {
            Dependency(package: $0, version: version, direct: true, line: line, source: .version)
        }
    }

    /// Matches one dependency; returns its upgrade when it has findings.
    private mutating func audit(_ dependency: Dependency, in manifest: ManifestInventory) throws(AdvisoryStoreError) -> Upgrade? {
        let family = EcosystemFamily(manifest.ecosystem)
        guard let version = dependency.version, [.version, .gosum, .registry].contains(dependency.source) else {
            unverifiable.append(Unverifiable(ecosystem: manifest.ecosystem.rawValue, package: dependency.package,
                                             manifest: manifest.path, line: dependency.line, reason: Self.reason(dependency)))
            return nil
        }
        let advisories = try cache.advisories(dependency.package, family)
        guard !advisories.isEmpty else { return nil }
        // The standard library is pinned by a toolchain tag (go1.21.5); the database writes it as v1.21.5.
        let matched = ToolchainSpelling.semver(version) ?? version
        var affected: [MatchedAdvisory] = []
        var verdicts: [String: MatchVerdict] = [:]
        let parsed = family.scheme.parse(matched)
        for advisory in advisories {
            if let parsed, !advisory.matcher.mayMatter(parsed) { continue }
            let verdict = parsed.map { advisory.matcher.verdict($0) } ?? advisory.matcher.verdict(matched)
            switch verdict.outcome {
            case .affected:
                affected.append(advisory)
                verdicts[advisory.id] = verdict
            case .unverifiable:
                unverifiable.append(Unverifiable(ecosystem: manifest.ecosystem.rawValue, package: dependency.package, manifest: manifest.path,
                                                 line: dependency.line, reason: "\(advisory.id): \(verdict.reason ?? verdict.decidedBy)"))
            case .notAffected:
                break
            }
        }
        guard !affected.isEmpty else { return nil }
        let planner = UpgradePlanner(family: family, package: dependency.package, pin: matched,
                                     advisories: advisories.filter { $0.stored.advisory.withdrawn == nil })
        let byID = Dictionary(affected.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = AliasGroups.group(affected.map(\.stored)).map { $0.compactMap { byID[$0.advisory.id] } }
        groupsByKey[manifest.path + "\u{0}" + dependency.package] = groups
        for group in groups {
            findings.append(finding(group.map(\.stored), verdicts: verdicts, dependency: dependency, manifest: manifest,
                                    fixed: planner?.fixed(for: group)))
        }
        return Upgrade(ecosystem: manifest.ecosystem.rawValue, package: dependency.package, from: version, to: nil, fixes: [],
                       remaining: [], manifest: manifest.path, direct: dependency.direct)
    }

    private func finding(_ group: [StoredAdvisory], verdicts: [String: MatchVerdict], dependency: Dependency,
                         manifest: ManifestInventory, fixed: String?) -> Finding {
        let primary = group[0]
        let aliases = Set(group.flatMap { [$0.advisory.id] + ($0.advisory.aliases ?? []) }).subtracting([primary.advisory.id])
        let low = group.compactMap { verdicts[$0.advisory.id] }.first { $0.confidence == .low }
        return Finding(
            id: primary.advisory.id, aliases: aliases.sorted(), kind: primary.kind.rawValue,
            severity: group.map(\.severity).max() ?? .unknown,
            summary: primary.advisory.summary ?? group.compactMap(\.advisory.summary).first ?? primary.advisory.id,
            ecosystem: manifest.ecosystem.rawValue, package: dependency.package, version: dependency.version ?? "",
            direct: dependency.direct, manifest: manifest.path, line: dependency.line, file: dependency.file,
            fixed: dependency.version?.hasPrefix("go") == true ? fixed.flatMap(ToolchainSpelling.tag) : fixed,
            confidence: low == nil ? .high : .low, confidenceReason: low?.reason, ignored: false, ignoreReason: nil,
            url: Self.url(of: primary), details: primary.advisory.details)
    }

    /// With the policy applied, each upgrade considers only the findings that are not ignored.
    private func recomputeUpgrades(_ upgrades: [Upgrade]) throws(AdvisoryStoreError) -> [Upgrade] {
        let findingsByKey = Dictionary(grouping: findings) { $0.manifest + "\u{0}" + $0.package }
        var result: [Upgrade] = []
        for var upgrade in upgrades {
            let key = upgrade.manifest + "\u{0}" + upgrade.package
            let family: EcosystemFamily = upgrade.ecosystem == Ecosystem.go.rawValue ? .go : .swift
            let mine = findingsByKey[key] ?? []
            guard mine.contains(where: { !$0.ignored }), let groups = groupsByKey[key] else { continue }
            let ignoredIDs = Set(mine.filter(\.ignored).flatMap { [$0.id] + $0.aliases })
            let liveGroups = groups.filter { !ignoredIDs.contains($0[0].id) }
            let advisories = try cache.advisories(upgrade.package, family)
                .filter { $0.stored.advisory.withdrawn == nil && !ignoredIDs.contains($0.id) }
            let pin = ToolchainSpelling.semver(upgrade.from) ?? upgrade.from
            guard let planner = UpgradePlanner(family: family, package: upgrade.package, pin: pin, advisories: advisories) else { continue }
            let plan = planner.plan(groups: liveGroups)
            let to = upgrade.from.hasPrefix("go") ? plan.to.flatMap(ToolchainSpelling.tag) : plan.to
            (upgrade.to, upgrade.fixes, upgrade.remaining) = (to, plan.fixes, plan.remaining)
            result.append(upgrade)
        }
        return result
    }

    static func reason(_ dependency: Dependency) -> String {
        switch dependency.source {
        case .local: return "local: replaced by the directory \(dependency.directory ?? "?"); its code has no version to check"
        case .branch: return "pinned to branch \(dependency.branch ?? "?") at \(dependency.revision?.prefix(12) ?? "?"); a branch has no version to check"
        case .revision: return "pinned to revision \(dependency.revision?.prefix(12) ?? "?") with no version"
        default: return "no version to check"
        }
    }

    /// The advisory's page: the Go database's or GitHub's, else its first report.
    static func url(of stored: StoredAdvisory) -> String? {
        let id = stored.advisory.id
        if id.hasPrefix("GO-") { return "https://pkg.go.dev/vuln/\(id)" }
        if id.hasPrefix("GHSA-") { return "https://github.com/advisories/\(id)" }
        let references = stored.advisory.references ?? []
        return (references.first { $0.type == "ADVISORY" } ?? references.first { $0.type == "REPORT" } ?? references.first)?.url
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.manifest != b.manifest { return a.manifest < b.manifest }
        if a.ignored != b.ignored { return !a.ignored }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.package != b.package { return a.package < b.package }
        return a.id < b.id
    }
}
