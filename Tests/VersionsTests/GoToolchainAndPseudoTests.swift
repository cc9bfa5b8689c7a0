import Testing
@testable import Versions

@Suite struct GoToolchainVersionTests {
    @Test(arguments: [
        ("go1.21.5", "v1.21.5"), ("go1.21", "v1.21.0"), ("go1.20", "v1.20.0"), ("go1.21rc1", "v1.21.0-rc.1"),
        ("go1.21.0", "v1.21.0"), ("go1.22beta1", "v1.22.0-beta.1"), ("go1.9.2rc2", "v1.9.2-rc.2"), ("go1", "v1.0.0"),
        ("go1.21.5-bigcorp", "v1.21.5"), ("go1.8-pre3", "v1.8.0-pre.3"), ("go1.21 rc1x", "v1.21.0"),
    ])
    func tagMapsAsGoMapsIt(_ tag: String, _ expected: String) throws {
        #expect(try #require(GoToolchainVersion.semver(fromTag: tag)).canonical == expected)
    }

    @Test(arguments: ["", "default", "go1.0", "1.21.5", "go", "gox", "go1.21rc", "go1.21.5.1"])
    func notAToolchainTag(_ tag: String) {
        #expect(GoToolchainVersion.semver(fromTag: tag) == nil)
    }

    @Test func directiveValuesWithOrWithoutGoPrefix() {
        #expect(GoToolchainVersion.semver(fromDirective: "1.21.5")?.canonical == "v1.21.5")
        #expect(GoToolchainVersion.semver(fromDirective: "go1.22rc2")?.canonical == "v1.22.0-rc.2")
    }
}

@Suite struct GoPseudoVersionTests {
    @Test(arguments: [
        ("v0.0.0-20210215000000-023f437abcde", "20210215000000", "023f437abcde"),
        ("v1.4.1-0.20190101000000-abcdefabcdef", "20190101000000", "abcdefabcdef"),
        ("v1.5.0-beta.2.0.20190101000000-abcdefabcdef", "20190101000000", "abcdefabcdef"),
        ("v2.0.1-0.20190101000000-abcdefabcdef+incompatible", "20190101000000", "abcdefabcdef"),
    ])
    func recognized(_ text: String, _ timestamp: String, _ revision: String) throws {
        let pseudo = try #require(GoPseudoVersion(text))
        #expect(pseudo.timestamp == timestamp)
        #expect(pseudo.revision == revision)
    }

    @Test(arguments: ["v1.2.3", "v1.2.3-rc.1", "v1.2.3-20190101000000-abcdefabcdef", "v0.0.0-2019010100000-abcdef",
                      "v1.2.4-1.20190101000000-abcdefabcdef", "v0.0.0-20190101000000-", "not a version"])
    func notPseudo(_ text: String) {
        #expect(GoPseudoVersion(text) == nil)
    }

    /// Pseudo-versions as the go command makes them (golang.org/x/mod/module's PseudoVersion tests), for a
    /// commit at 2021-02-15 10:30:45 UTC (1613385045) and, for the first, before 1970.
    @Test(arguments: [
        (nil, "v0", 1_613_385_045, "v0.0.0-20210215103045-023f437abcde"),
        (nil, "v2", 1_613_385_045, "v2.0.0-20210215103045-023f437abcde"),
        ("v0.0.1", "v0", 1_613_385_045, "v0.0.2-0.20210215103045-023f437abcde"),
        ("v1.2.9", "v0", 1_613_385_045, "v1.2.10-0.20210215103045-023f437abcde"),
        ("v1.2.99", "v0", 0, "v1.2.100-0.19700101000000-023f437abcde"),
        ("v1.5.0-beta.2", "v0", 1_613_385_045, "v1.5.0-beta.2.0.20210215103045-023f437abcde"),
        ("v2.0.0+incompatible", "v0", 951_782_400, "v2.0.1-0.20000229000000-023f437abcde+incompatible"),
    ] as [(String?, String, Int64, String)])
    func made(_ older: String?, _ major: String, _ time: Int64, _ expected: String) throws {
        let made = GoPseudoVersion.make(major: major, after: older.flatMap(GoVersion.init), time: time,
                                        revision: "023f437abcdef0123456789abcdef0123456789a")
        #expect(made == expected)
        #expect(GoPseudoVersion(made)?.revision == "023f437abcde")
    }
}
