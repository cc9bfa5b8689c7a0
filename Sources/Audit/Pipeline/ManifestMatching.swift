import Advisories
import Core
import Manifest
import Versions

/// What matching one manifest found: each package the advisories affect, what could not be checked, and
/// whether the standard library went unchecked.
struct ManifestMatches {
    /// The affected packages, in the manifest's order.
    var packages: [PackageMatches] = []
    var unverifiable: [Unverifiable] = []
    var standardLibraryUnchecked = false

    /// Every finding, in the manifest's order.
    var findings: [Finding] { packages.flatMap(\.findings) }
}

/// What the advisories say of one pinned package of one manifest: its findings (which the policy then
/// marks) and the alias groups behind them, from which planning works out its upgrade.
struct PackageMatches {
    /// The pin the findings are about: its package, version, manifest and directness.
    var ecosystem: Ecosystem
    var package: String
    var version: String
    var manifest: String
    var direct: Bool?
    /// One per alias group.
    var findings: [Finding]
    /// The alias groups that affect the pin; empty for a pin with no version (a revision or branch met by
    /// a GIT range), which has no upgrade to plan.
    var groups: [[MatchedAdvisory]]
}

/// What the advisories naming a package say of one pin of it: the same wherever the pin appears.
struct PinOutcome {
    /// One finding's worth: the alias group's shared texts, its fix for the pin, and the first
    /// low-confidence verdict among the group's advisories.
    struct Found {
        var template: FindingTemplate
        var fixed: String?
        var lowConfidence: MatchVerdict?
    }

    /// Why an advisory could not be checked against the pin (`ID: reason`).
    var unverifiable: [String] = []
    /// The alias groups that affect the pin.
    var groups: [[MatchedAdvisory]] = []
    /// One per group, in the same order.
    var findings: [Found] = []
}

/// Matches the dependencies of one manifest against advisories already read (so manifests can be
/// matched on several threads).
struct ManifestMatching {
    let advisories: AdvisorySnapshot
    let goVersion: String?
    var gitRanges: (any GitRangeEvaluating)?
    /// Pin outcomes, groups and finding texts already worked out for another manifest (the index's).
    let memo: MatchMemo

    func match(_ manifest: ManifestInventory) -> ManifestMatches {
        var result = ManifestMatches()
        // Two loops rather than one over a concatenation, which copied every dependency of the manifest.
        for dependency in manifest.dependencies {
            match(dependency, in: manifest, into: &result)
        }
        for dependency in standardLibrary(of: manifest, &result) {
            match(dependency, in: manifest, into: &result)
        }
        return result
    }

    /// `stdlib` and `toolchain` as dependencies of a go.mod, at `--go-version` or its toolchain directive;
    /// of a binary, at the toolchain that built it (exactly what runs, whatever `--go-version` says).
    private func standardLibrary(of manifest: ManifestInventory, _ result: inout ManifestMatches) -> [Dependency] {
        guard manifest.ecosystem == .go else { return [] }
        guard let value = manifest.binary?.goVersion ?? goVersion ?? manifest.toolchain, value != "default" else {
            result.standardLibraryUnchecked = manifest.go != nil
            return []
        }
        let version = value.hasPrefix("go") ? value : "go" + value
        let line = goVersion == nil ? manifest.toolchainLine : nil
        return ["stdlib", "toolchain"].map {
            Dependency(package: $0, version: version, direct: true, line: line, source: .version)
        }
    }

    private func match(_ dependency: Dependency, in manifest: ManifestInventory, into result: inout ManifestMatches) {
        let ecosystem = manifest.ecosystem
        guard let version = dependency.version, Self.hasCheckableVersion(dependency) else {
            result.unverifiable.append(Unverifiable(ecosystem: manifest.ecosystem, package: dependency.package,
                                                    manifest: manifest.path, line: dependency.line, reason: Self.reason(dependency)))
            matchRevisionOnly(dependency, in: manifest, into: &result)
            return
        }
        let candidates = advisories.naming(dependency.package, ecosystem)
        guard !candidates.isEmpty else { return }
        // Only a GIT range needs the commit, and only with repositories at hand.
        let revision = gitRanges == nil ? nil : Self.revision(of: dependency, ecosystem: ecosystem)
        let pin = MatchMemo.Pin(ecosystem: ecosystem, package: dependency.package, version: version, revision: revision)
        let outcome = memo.outcome(pin) { self.outcome(of: pin, candidates: candidates) }
        for reason in outcome.unverifiable {
            result.unverifiable.append(Unverifiable(ecosystem: manifest.ecosystem, package: dependency.package,
                                                    manifest: manifest.path, line: dependency.line, reason: reason))
        }
        guard !outcome.groups.isEmpty else { return }
        result.packages.append(PackageMatches(
            ecosystem: ecosystem, package: dependency.package, version: version, manifest: manifest.path, direct: dependency.direct,
            findings: outcome.findings.map { finding($0, dependency: dependency, manifest: manifest) }, groups: outcome.groups))
    }

    /// Whether the dependency is pinned by a version that advisories' ranges can be checked against.
    private static func hasCheckableVersion(_ dependency: Dependency) -> Bool {
        switch dependency.source {
        case .version, .gosum, .registry: true
        default: false
        }
    }

    /// What the advisories naming a package say of one pin of it (memoized: the same pin recurs across manifests).
    private func outcome(of pin: MatchMemo.Pin, candidates: [MatchedAdvisory]) -> PinOutcome {
        // The standard library is pinned by a toolchain tag (go1.21.5); the database writes it as v1.21.5.
        let matched = ToolchainSpelling.semver(pin.version) ?? pin.version
        let parsed = pin.ecosystem.scheme.parse(matched)
        var outcome = PinOutcome()
        var affected: [MatchedAdvisory] = []
        var verdicts: [String: MatchVerdict] = [:]
        for advisory in candidates {
            if let parsed, !advisory.matcher.mayMatter(parsed) { continue }
            var verdict = parsed.map { advisory.matcher.verdict($0) } ?? advisory.matcher.verdict(matched)
            // A GIT range decides when the dependency's repository is at hand and the pin names a commit.
            if verdict.outcome == .unverifiable, let gitRanges, let revision = pin.revision,
               let decided = advisory.matcher.gitVerdict(revision: revision, package: pin.package, evaluator: gitRanges) {
                verdict = decided
            }
            switch verdict.outcome {
            case .affected:
                affected.append(advisory)
                verdicts[advisory.id] = verdict
            case .unverifiable:
                outcome.unverifiable.append("\(advisory.id): \(verdict.reason ?? verdict.decidedBy)")
            case .notAffected:
                break
            }
        }
        guard !affected.isEmpty else { return outcome }
        outcome.groups = memo.groups(affected: affected)
        let planner = UpgradePlanner(ecosystem: pin.ecosystem, package: pin.package, pin: matched,
                                     advisories: candidates.filter { $0.stored.advisory.withdrawn == nil })
        outcome.findings = outcome.groups.map { group in
            PinOutcome.Found(template: memo.template(group), fixed: planner?.fixed(for: group),
                             lowConfidence: group.compactMap { verdicts[$0.id] }.first { $0.confidence == .low })
        }
        return outcome
    }

    /// A pin with a commit but no version (a Swift branch or revision pin) can still meet GIT ranges when
    /// the repository is at hand; its version ranges stay unchecked (it is listed as unverifiable too).
    private func matchRevisionOnly(_ dependency: Dependency, in manifest: ManifestInventory, into result: inout ManifestMatches) {
        let ecosystem = manifest.ecosystem
        guard let gitRanges, let revision = dependency.revision else { return }
        let affected = advisories.naming(dependency.package, ecosystem).filter { advisory in
            advisory.matcher.gitVerdict(revision: revision, package: dependency.package, evaluator: gitRanges)?.outcome == .affected
        }
        guard !affected.isEmpty else { return }
        var pinned = dependency
        pinned.version = "revision " + String(revision.prefix(12))
        let findings = AliasGroups.group(affected).map { group in
            finding(PinOutcome.Found(template: memo.template(group), fixed: nil, lowConfidence: nil), dependency: pinned, manifest: manifest)
        }
        result.packages.append(PackageMatches(ecosystem: ecosystem, package: dependency.package, version: pinned.version ?? "",
                                              manifest: manifest.path, direct: dependency.direct, findings: findings, groups: []))
    }

    private func finding(_ found: PinOutcome.Found, dependency: Dependency, manifest: ManifestInventory) -> Finding {
        let template = found.template
        let low = found.lowConfidence
        return Finding(
            id: template.id, aliases: template.aliases, kind: template.kind, severity: template.severity, summary: template.summary,
            ecosystem: manifest.ecosystem, package: dependency.package, version: dependency.version ?? "",
            direct: dependency.direct, manifest: manifest.path, line: dependency.line, file: dependency.file,
            fixed: dependency.version?.hasPrefix("go") == true ? found.fixed.flatMap(ToolchainSpelling.tag) : found.fixed,
            confidence: low == nil ? .high : .low, confidenceReason: low?.reason, ignored: false, ignoreReason: nil,
            url: template.url, details: template.details)
    }

    /// The commit a pin names: the revision of a Go pseudo-version, or a Swift pin's revision.
    static func revision(of dependency: Dependency, ecosystem: Ecosystem) -> String? {
        if ecosystem == .swift { return dependency.revision }
        return dependency.version.flatMap(GoPseudoVersion.init)?.revision
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
}
