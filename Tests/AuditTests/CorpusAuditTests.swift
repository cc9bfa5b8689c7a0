import Advisories
import DepwatchTestSupport
import Foundation
import Testing
@testable import Audit

/// The whole corpus audited against the whole shared database, checked against hand-verified results.
@Suite struct CorpusAuditTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var finding: Bool
        var directory: String
        var package: String
        var version: String
        var advisory: String
        var fixed: String?
        var why: String
        var testDescription: String { "\(finding ? "finding" : "clean") \(directory) \(package)@\(version) \(advisory)" }
    }

    static let expectations: [Expectation] = {
        let text = (try? TestPaths.fixtureText("corpus-audit.txt", target: "AuditTests")) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 6 else { return nil }
            let isFinding = f[0] == "finding"
            return Expectation(finding: isFinding, directory: f[1], package: f[2], version: f[3], advisory: f[4],
                               fixed: isFinding ? (f[5] == "-" ? nil : f[5]) : nil, why: f.last!)
        }
    }()

    static let result: Result<AuditResult, any Error> = Result {
        try Auditor.audit(AuditOptions(roots: [Corpus.root.path + "/go", Corpus.root.path + "/swift"], today: "2026-11-28"),
                          index: AdvisoryIndex(store: try TestStore.shared()))
    }

    @Test func sampleSizes() {
        #expect(Self.expectations.filter(\.finding).count >= 40)
        #expect(Self.expectations.filter { !$0.finding }.count >= 20)
        #expect(Self.expectations.filter { $0.advisory.hasPrefix("GHSA-") && $0.directory.contains("__") && !$0.package.contains(".org/") }
            .count >= 20, "Swift pins are hand-verified too")
    }

    /// The manifest of a corpus directory: its go.mod, or its Package.resolved.
    static func isManifest(_ path: String, of directory: String) -> Bool {
        path.hasSuffix("/go/\(directory)/go.mod") || path.hasSuffix("/swift/\(directory)/Package.resolved")
    }

    @Test(arguments: expectations)
    func handVerified(_ e: Expectation) throws {
        let result = try Self.result.get()
        let matching = result.findings.filter {
            Self.isManifest($0.manifest, of: e.directory) && ($0.id == e.advisory || $0.aliases.contains(e.advisory))
                && ($0.package == e.package || !e.finding)
        }
        if e.finding {
            let finding = try #require(matching.first, "expected \(e.advisory) on \(e.package)@\(e.version): \(e.why)")
            #expect(finding.version == e.version)
            #expect(finding.fixed == e.fixed, "\(e.why)")
        } else {
            #expect(matching.isEmpty, "\(e.advisory) must not be reported in \(e.directory): \(e.why)")
            if e.package == "stdlib" {
                #expect(!result.findings.contains { Self.isManifest($0.manifest, of: e.directory) && $0.package == "stdlib" })
            } else if !e.why.hasPrefix("replaced") {
                // The pin is what the line says it is (so the non-finding is about the version, not a missed package).
                let pinned = result.inventory.manifests.filter { Self.isManifest($0.path, of: e.directory) }
                    .flatMap(\.dependencies).filter { $0.package == e.package }.map(\.version)
                #expect(pinned.contains(e.version), "\(e.package) is pinned at \(pinned) in \(e.directory)")
            }
        }
    }

    /// No upgrade lands in a version that another fixable advisory of the package still affects; and
    /// the naive choice (the largest fixed version among the matched advisories) would, in some cases.
    @Test func upgradesNeverLandInAnotherFixableProblem() throws {
        let result = try Self.result.get()
        let store = try TestStore.shared()
        var naiveWrong = 0
        for upgrade in result.upgrades where upgrade.ecosystem == .go {
            guard let to = upgrade.to, upgrade.package != "stdlib", upgrade.package != "toolchain" else { continue }
            let advisories = try store.advisories(naming: upgrade.package, ecosystem: .go).filter { $0.advisory.withdrawn == nil }
            let fixable = advisories.filter { advisory in
                (AdvisoryMatcher.verdict(advisory.advisory, ecosystem: .go, package: upgrade.package, version: upgrade.from)?.fixedVersions ?? [])
                    .contains { (VersionScheme.go.compare($0, upgrade.from) ?? -1) > 0 }
            }
            for advisory in fixable {
                let verdict = AdvisoryMatcher.verdict(advisory.advisory, ecosystem: .go, package: upgrade.package, version: to)
                #expect(verdict?.outcome != .affected, "\(upgrade.package) \(upgrade.from) -> \(to) is still affected by \(advisory.advisory.id)")
            }
            let matched = result.findings.filter { $0.manifest == upgrade.manifest && $0.package == upgrade.package }
            if let naive = matched.compactMap(\.fixed).max(by: { (VersionScheme.go.compare($0, $1) ?? 0) < 0 }),
               fixable.contains(where: { AdvisoryMatcher.verdict($0.advisory, ecosystem: .go, package: upgrade.package, version: naive)?.outcome == .affected }) {
                naiveWrong += 1
            }
        }
        #expect(naiveWrong > 0, "the corpus has pins where the largest matched fix is still affected")
    }

    @Test func corpusAuditsWithOnlyTheConflictedFileAsError() throws {
        let result = try Self.result.get()
        #expect(result.errors.map(\.path) == [Corpus.path("swift/CodeEditApp__CodeEdit__f36aa70972/Package.resolved")])
        #expect(result.manifests.count >= 75)
        #expect(result.manifests.filter { $0.ecosystem == .swift }.count == 25)
        #expect(result.findings.count > 1000)
        #expect(result.warnings.contains { $0.message.contains("standard library was not checked") })
    }
}
