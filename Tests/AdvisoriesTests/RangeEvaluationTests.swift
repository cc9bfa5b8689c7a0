import Testing
@testable import Advisories

/// OSV evaluation, case by case (OSV schema, "Evaluation").
@Suite struct RangeEvaluationTests {
    static func range(_ type: String, _ events: [OSVEvent]) -> OSVRange {
        OSVRange(type: type, events: events)
    }

    static func range(_ events: [OSVEvent]) -> OSVRange {
        OSVRange(type: "SEMVER", events: events)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var range: OSVRange
        var version: String
        var affected: Bool
        var scheme: VersionScheme = .semver
        var testDescription: String { "\(name): \(version)" }
    }

    static let cases: [Case] = [
        .init(name: "introduced 0, no fix: every version", range: range([.introduced("0")]), version: "0.0.1", affected: true),
        .init(name: "introduced 0, no fix: every version", range: range([.introduced("0")]), version: "99.0.0", affected: true),
        .init(name: "below fixed", range: range([.introduced("0"), .fixed("1.0.2")]), version: "1.0.1", affected: true),
        .init(name: "at fixed", range: range([.introduced("0"), .fixed("1.0.2")]), version: "1.0.2", affected: false),
        .init(name: "above fixed", range: range([.introduced("0"), .fixed("1.0.2")]), version: "1.0.3", affected: false),
        .init(name: "pre-release of the fix is still affected", range: range([.introduced("0"), .fixed("1.0.2")]),
              version: "1.0.2-rc.1", affected: true),
        .init(name: "before introduced", range: range([.introduced("1.0.0"), .fixed("1.0.2")]), version: "0.9.9", affected: false),
        .init(name: "at introduced", range: range([.introduced("1.0.0"), .fixed("1.0.2")]), version: "1.0.0", affected: true),
        .init(name: "two intervals: first", range: range([.introduced("1.0.0"), .fixed("1.0.2"), .introduced("3.0.0"), .fixed("3.2.5")]),
              version: "1.0.1", affected: true),
        .init(name: "two intervals: gap", range: range([.introduced("1.0.0"), .fixed("1.0.2"), .introduced("3.0.0"), .fixed("3.2.5")]),
              version: "2.0.0", affected: false),
        .init(name: "two intervals: second", range: range([.introduced("1.0.0"), .fixed("1.0.2"), .introduced("3.0.0"), .fixed("3.2.5")]),
              version: "3.2.4", affected: true),
        .init(name: "two intervals: after", range: range([.introduced("1.0.0"), .fixed("1.0.2"), .introduced("3.0.0"), .fixed("3.2.5")]),
              version: "3.2.5", affected: false),
        .init(name: "events out of order are sorted", range: range([.fixed("3.2.5"), .introduced("3.0.0"), .fixed("1.0.2"), .introduced("1.0.0")]),
              version: "3.1.0", affected: true),
        .init(name: "events out of order are sorted", range: range([.fixed("3.2.5"), .introduced("3.0.0"), .fixed("1.0.2"), .introduced("1.0.0")]),
              version: "2.0.0", affected: false),
        .init(name: "last_affected is affected", range: range("ECOSYSTEM", [.introduced("0"), .lastAffected("2.1.214")]),
              version: "2.1.214", affected: true),
        .init(name: "above last_affected", range: range("ECOSYSTEM", [.introduced("0"), .lastAffected("2.1.214")]),
              version: "2.1.215", affected: false),
        .init(name: "limit bounds the range", range: range([.introduced("1.0.0"), .limit("2.0.0")]), version: "1.5.0", affected: true),
        .init(name: "at limit", range: range([.introduced("1.0.0"), .limit("2.0.0")]), version: "2.0.0", affected: false),
        .init(name: "limit * is infinity", range: range([.introduced("1.0.0"), .limit("*")]), version: "9.0.0", affected: true),
        .init(name: "several limits: below one", range: range([.introduced("1.0.0"), .limit("1.5.0"), .limit("3.0.0")]),
              version: "2.0.0", affected: true),
        .init(name: "Go versions without v", range: range([.introduced("0"), .fixed("1.6.0")]), version: "v1.4.0", affected: true, scheme: .go),
        .init(name: "Go pseudo-version below the fix", range: range("ECOSYSTEM", [.introduced("0"), .fixed("5.0.4-0.20231016150651-428517fef5b9")]),
              version: "v5.0.4-0.20230101000000-abcdefabcdef", affected: true, scheme: .go),
        .init(name: "Go release of the fixed pseudo-version's base", range: range("ECOSYSTEM", [.introduced("0"), .fixed("5.0.4-0.20231016150651-428517fef5b9")]),
              version: "v5.0.4", affected: false, scheme: .go),
        .init(name: "Go +incompatible", range: range([.introduced("0"), .fixed("20.10.9+incompatible")]),
              version: "v20.10.7+incompatible", affected: true, scheme: .go),
    ]

    @Test(arguments: cases)
    func evaluate(_ c: Case) throws {
        #expect(try RangeEvaluation.contains(c.range, version: c.version, scheme: c.scheme) == c.affected)
    }

    @Test func unparsableEventIsReported() {
        #expect(throws: RangeEvaluation.Unevaluable(version: "RELEASE.2024-06-06T09-36-42Z")) {
            try RangeEvaluation.contains(Self.range("ECOSYSTEM", [.introduced("0"), .fixed("RELEASE.2024-06-06T09-36-42Z")]),
                                         version: "v1.0.0", scheme: .go)
        }
    }
}

@Suite struct AdvisoryMatcherTests {
    static func advisory(_ affected: [OSVAffected], withdrawn: String? = nil) throws -> OSVAdvisory {
        var advisory = OSVAdvisory(id: "TEST-1", modified: "2024-01-01T00:00:00Z", affected: affected)
        advisory.withdrawn = withdrawn
        return advisory
    }

    static let gcache = OSVAffected(package: OSVPackage(ecosystem: "Go", name: "github.com/bluele/gcache"),
                                    ranges: [OSVRange(type: "SEMVER", events: [.introduced("0"), .fixed("0.0.2")])])

    @Test func versionsListMatches() throws {
        let entry = OSVAffected(package: OSVPackage(ecosystem: "SwiftURL", name: "github.com/swift-server/swift-prometheus"),
                                ranges: [], versions: ["2.0.0-alpha.1"])
        let a = try Self.advisory([entry])
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .swift, package: "github.com/swift-server/swift-prometheus", version: "2.0.0-alpha.1")?.outcome == .affected)
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .swift, package: "github.com/swift-server/swift-prometheus", version: "2.0.0")?.outcome == .notAffected)
    }

    @Test func severalAffectedEntriesAndRanges() throws {
        let second = OSVAffected(package: OSVPackage(ecosystem: "Go", name: "github.com/bluele/gcache"),
                                 ranges: [OSVRange(type: "SEMVER", events: [.introduced("0.0.5"), .fixed("0.0.7")])])
        let a = try Self.advisory([Self.gcache, second])
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .go, package: "github.com/bluele/gcache", version: "v0.0.1")?.outcome == .affected)
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .go, package: "github.com/bluele/gcache", version: "v0.0.3")?.outcome == .notAffected)
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .go, package: "github.com/bluele/gcache", version: "v0.0.6")?.outcome == .affected)
        #expect(AdvisoryMatcher.verdict(a, ecosystem: .go, package: "github.com/other/module", version: "v0.0.1") == nil)
    }

    @Test func withdrawnNeverMatches() throws {
        let a = try Self.advisory([Self.gcache], withdrawn: "2024-02-01T00:00:00Z")
        let verdict = AdvisoryMatcher.verdict(a, ecosystem: .go, package: "github.com/bluele/gcache", version: "v0.0.1")
        #expect(verdict?.outcome == .notAffected)
        #expect(verdict?.decidedBy.hasPrefix("withdrawn") == true)
        let matcher = try #require(PackageMatcher(a, ecosystem: .go, package: "github.com/bluele/gcache"))
        let parsed = try #require(VersionScheme.go.parse("v0.0.1"))
        #expect(matcher.verdict(parsed).outcome == .notAffected, "the parsed-version path checks withdrawal too")
        #expect(!matcher.affects(parsed))
    }

    @Test func gitOnlyRangeIsUnverifiableNotClean() throws {
        let entry = OSVAffected(package: OSVPackage(ecosystem: "Go", name: "example.com/lib"),
                                ranges: [OSVRange(type: "GIT", repo: "https://example.com/lib",
                                                  events: [.introduced("0"), .fixed(String(repeating: "a", count: 40))])])
        let verdict = AdvisoryMatcher.verdict(try Self.advisory([entry]), ecosystem: .go, package: "example.com/lib", version: "v1.0.0")
        #expect(verdict?.outcome == .unverifiable)
        #expect(verdict?.reason?.contains("GIT range") == true)
    }

    @Test func unparsablePinIsUnverifiable() throws {
        let verdict = AdvisoryMatcher.verdict(try Self.advisory([Self.gcache]), ecosystem: .go, package: "github.com/bluele/gcache", version: "master")
        #expect(verdict?.outcome == .unverifiable)
    }

    @Test func swiftNamesMeetByLocationOrIdentity() throws {
        for name in ["github.com/apple/swift-nio-http2", "https://github.com/apple/swift-nio-http2", "https://github.com/Apple/swift-nio-http2.git",
                     "swift-nio-http2"] {
            let entry = OSVAffected(package: OSVPackage(ecosystem: "purl-type:swift", name: name),
                                    ranges: [OSVRange(type: "ECOSYSTEM", events: [.introduced("1.0.0"), .fixed("1.19.2")])])
            let verdict = AdvisoryMatcher.verdict(try Self.advisory([entry]), ecosystem: .swift, package: "github.com/apple/swift-nio-http2", version: "1.19.1")
            #expect(verdict?.outcome == .affected, "\(name)")
        }
        let other = OSVAffected(package: OSVPackage(ecosystem: "SwiftURL", name: "https://github.com/someone/swift-nio-http2"),
                                ranges: [OSVRange(type: "ECOSYSTEM", events: [.introduced("0")])])
        #expect(AdvisoryMatcher.verdict(try Self.advisory([other]), ecosystem: .swift, package: "github.com/apple/swift-nio-http2", version: "1.19.1") == nil)
    }
}
