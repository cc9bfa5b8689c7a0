import Core
import DepwatchTestSupport
import Foundation
import Testing
@testable import Advisories

/// Evaluation on real entries of ../shared/advisories.
@Suite struct RealAdvisoryTests {
    static func load(_ relative: String) throws -> OSVAdvisory {
        let url = TestPaths.shared.appendingPathComponent("advisories/\(relative)")
        return try OSVAdvisory(json: try String(contentsOf: url, encoding: .utf8))
    }

    @Test(arguments: [
        // custom_ranges: the plain range says "every version"; the custom range fixes at a pseudo-version.
        ("github.com/pubnub/go/v5", "v5.0.3", MatchVerdict.Outcome.affected),
        ("github.com/pubnub/go/v5", "v5.0.4-0.20231016150651-428517fef5b9", .notAffected),
        ("github.com/pubnub/go/v5", "v5.0.4", .notAffected),
        ("github.com/pubnub/go/v6", "v6.1.0", .affected),
        ("github.com/pubnub/go/v6", "v6.1.1", .notAffected),
        ("github.com/pubnub/go/v7", "v7.1.2", .affected),
        ("github.com/pubnub/go/v7", "v7.2.0", .notAffected),
        ("github.com/pubnub/go", "v4.10.0+incompatible", .affected),
    ])
    func customRangesOfGO_2023_2385(_ package: String, _ version: String, _ expected: MatchVerdict.Outcome) throws {
        let advisory = try Self.load("go-vulndb/GO-2023-2385.json")
        let verdict = try #require(AdvisoryMatcher.verdict(advisory, ecosystem: .go, package: package, version: version))
        #expect(verdict.outcome == expected)
        #expect(verdict.confidence == .high)
        if package.hasSuffix("/v5") { #expect(verdict.decidedBy.hasPrefix("custom range 1 (ECOSYSTEM)")) }
    }

    @Test func minioCustomRangeWithReleaseTagsFallsBackWithLowConfidence() throws {
        let advisory = try Self.load("go-vulndb/GO-2025-3495.json")
        let verdict = try #require(AdvisoryMatcher.verdict(advisory, ecosystem: .go, package: "github.com/minio/minio",
                                                           version: "v0.0.0-20240101000000-abcdefabcdef"))
        #expect(verdict.confidence == .low)
        #expect(verdict.reason?.contains("RELEASE.") == true)
        #expect(verdict.decidedBy.hasPrefix("range 1"))
    }

    @Test func withdrawnRealEntryNeverMatches() throws {
        let withdrawn = try FileManager.default.contentsOfDirectory(atPath: TestPaths.shared.appendingPathComponent("advisories/go-vulndb").path)
            .sorted().lazy.compactMap { try? Self.load("go-vulndb/\($0)") }.first { $0.withdrawn != nil }
        let advisory = try #require(withdrawn)
        let entry = try #require(advisory.affected.first { $0.package.ecosystem == "Go" })
        let verdict = AdvisoryMatcher.verdict(advisory, ecosystem: .go, package: entry.package.name, version: "v0.0.1")
        #expect(verdict?.outcome == .notAffected)
    }

    @Test func stdlibAgainstAToolchainTag() throws {
        let store = try TestStore.shared()
        let answers = try store.query(package: "stdlib", version: "go1.20.1", ecosystem: .go)
        #expect(answers.contains { $0.verdict?.outcome == .affected })
        let later = try store.query(package: "stdlib", version: "go1.99.0", ecosystem: .go)
        let affectedThen = answers.filter { $0.verdict?.outcome == .affected }.count
        let affectedLater = later.filter { $0.verdict?.outcome == .affected }.count
        #expect(affectedThen > 50)
        #expect(affectedLater < affectedThen)
    }
}

@Suite struct CVSSTests {
    @Test(arguments: [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N", 6.8),
        ("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8),
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5),
        ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N", 0.0),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N", 4.3),
    ])
    func baseScore(_ vector: String, _ score: Double) throws {
        #expect(try #require(CVSSv3(vector: vector)).baseScore == score)
    }

    @Test(arguments: ["CVSS:2.0/AV:N", "CVSS:3.1/AV:N/AC:L", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"])
    func notAVector(_ vector: String) {
        #expect(CVSSv3(vector: vector) == nil)
    }

    @Test func realGitHubVectorsAgreeWithTheirLabels() throws {
        let folder = TestPaths.shared.appendingPathComponent("advisories/ghsa-swifturl")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let advisory = try OSVAdvisory(json: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            guard let label = advisory.databaseSpecific?.severity.flatMap(Severity.init(label:)),
                  advisory.severity?.contains(where: { $0.type == "CVSS_V3" }) == true else { continue }
            #expect(Severity(of: advisory) == label, "\(name)")
            checked += 1
        }
        #expect(checked >= 10)
    }
}

/// Reading the advisories of many packages at once (one ordered walk of the package index) gives what
/// one index lookup per package gives, on the real database.
@Suite struct ManyPackagesQueryTests {
    /// Package names as the advisories spell them, each also spelled the other ways a manifest may (for
    /// Swift: URL with scheme and `.git`, different case), plus names no advisory has and names that sort
    /// at the edges of byte order.
    static func names(_ ecosystem: Ecosystem) throws -> [String] {
        let folders = ecosystem == .go ? ["go-vulndb"] : ["ghsa-swifturl", "ghsa-swift-legacy"]
        var names: Set<String> = ["", "!", "zzzz.example/none", "ünïcode.example/mod", "example.com/Upper", "example.com/upper"]
        for folder in folders {
            let directory = TestPaths.shared.appendingPathComponent("advisories/\(folder)")
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().prefix(400) {
                let advisory = try RealAdvisoryTests.load("\(folder)/\(file)")
                for entry in advisory.affected where Ecosystem(osvEcosystem: entry.package.ecosystem) == ecosystem {
                    names.insert(entry.package.name)
                    if ecosystem == .swift {
                        names.insert("https://\(entry.package.name).git")
                        names.insert(entry.package.name.uppercased())
                    }
                }
            }
        }
        for n in 0..<220 { names.insert("example.com/padding/m\(n)") }
        return names.sorted()
    }

    @Test(arguments: [Ecosystem.go, .swift])
    func agreesWithOneLookupPerPackage(_ ecosystem: Ecosystem) throws {
        let store = try TestStore.shared()
        let packages = try Self.names(ecosystem)
        #expect(packages.count > 200)  // the batch path
        let batch = try store.advisories(naming: packages, ecosystem: ecosystem)
        #expect(Set(batch.keys) == Set(packages))
        var found = 0
        for package in packages {
            let one = try store.advisories(naming: [package], ecosystem: ecosystem)[package] ?? []
            #expect(batch[package]?.map(\.advisory.id) == one.map(\.advisory.id), "\(package)")
            found += one.isEmpty ? 0 : 1
        }
        #expect(found > (ecosystem == .go ? 200 : 20))
    }
}
