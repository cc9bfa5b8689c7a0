import Testing
@testable import Versions

@Suite struct GoVersionTests {
    @Test func orderingFileIsNotEmpty() {
        #expect(Ordering.load("go-versions.txt").count >= 35)
    }

    @Test(arguments: Ordering.load("go-versions.txt"))
    func ordering(_ o: Ordering) throws {
        let a = try #require(GoVersion(o.lhs), "\(o.lhs) should parse")
        let b = try #require(GoVersion(o.rhs), "\(o.rhs) should parse")
        switch o.relation {
        case "<":
            #expect(a < b)
            #expect(!(b < a))
            #expect(GoVersion.compare(o.rhs, o.lhs) == 1)
        case "==":
            #expect(a == b)
            #expect(GoVersion.compare(o.lhs, o.rhs) == 0)
        default:
            Issue.record("unknown relation \(o.relation)")
        }
    }

    @Test(arguments: [
        ("v1.2", "v1.2.0", "v1.2.0"),
        ("v1", "v1.0.0", "v1.0.0"),
        ("v1.2.3+meta", "v1.2.3", "v1.2.3"),
        ("v2.0.0+incompatible", "v2.0.0", "v2.0.0+incompatible"),
        ("v1.2.3-pre.1+build", "v1.2.3-pre.1", "v1.2.3-pre.1"),
        ("v0.0.0-20210215000000-023f437abcde", "v0.0.0-20210215000000-023f437abcde", "v0.0.0-20210215000000-023f437abcde"),
    ])
    func canonical(_ text: String, _ canonical: String, _ moduleCanonical: String) throws {
        let version = try #require(GoVersion(text))
        #expect(version.canonical == canonical)
        #expect(version.moduleCanonical == moduleCanonical)
    }

    @Test(arguments: ["", "1.2.3", "v", "v1.", "v1.2.", "v01.2.3", "v1.02.3", "v1.2.03", "v1.2.3-", "v1.2.3-01",
                      "v1.2.3+", "v1.2.3-a..b", "v1.2-pre", "v1.2+meta", "v1.2.3.4", "V1.2.3", "v1.2.3-a_b", " v1.2.3"])
    func invalid(_ text: String) {
        #expect(GoVersion(text) == nil)
    }

    @Test func invalidSortsBelowValidAndEqualsOtherInvalid() {
        #expect(GoVersion.compare("bad", "v0.0.0") == -1)
        #expect(GoVersion.compare("v0.0.0", "bad") == 1)
        #expect(GoVersion.compare("bad", "worse") == 0)
    }
}

@Suite struct GoModulePathTests {
    @Test(arguments: [
        ("github.com/a/b", "github.com/a/b", ""),
        ("github.com/a/b/v2", "github.com/a/b", "/v2"),
        ("github.com/a/b/v10", "github.com/a/b", "/v10"),
        ("gopkg.in/yaml.v3", "gopkg.in/yaml", ".v3"),
        ("gopkg.in/check.v1", "gopkg.in/check", ".v1"),
        ("gopkg.in/yaml.v0", "gopkg.in/yaml", ".v0"),
    ])
    func split(_ path: String, _ prefix: String, _ major: String) throws {
        let split = try #require(GoModulePath.splitMajor(path))
        #expect(split.prefix == prefix)
        #expect(split.major == major)
    }

    @Test(arguments: ["github.com/a/b/v1", "github.com/a/b/v0", "github.com/a/b/v02", "gopkg.in/yaml", "github.com/a/b/v2.0", "github.com/a/b/v1.5"])
    func malformedMajorSuffix(_ path: String) {
        #expect(GoModulePath.splitMajor(path) == nil)
    }

    @Test(arguments: [
        ("v1.2.3", "", nil),
        ("v0.1.0", "", nil),
        ("v2.0.0+incompatible", "", nil),
        ("v2.0.0", "", "should be v0 or v1, not v2"),
        ("v2.1.0", "/v2", nil),
        ("v1.0.0", "/v2", "should be v2, not v1"),
        ("v2.0.0+incompatible", "/v2", nil),
        ("v3.0.0", ".v3", nil),
        ("v0.0.0-20190101000000-abcdefabcdef", ".v1", nil),
        ("v1.0.0", ".v2", "should be v2, not v1"),
    ] as [(String, String, String?)])
    func checkMajor(_ version: String, _ pathMajor: String, _ reason: String?) throws {
        let v = try #require(GoVersion(version))
        #expect(GoModulePath.checkMajor(v, pathMajor: pathMajor) == reason)
    }
}

@Suite struct SemanticVersionTests {
    @Test(arguments: Ordering.load("semver-versions.txt"))
    func ordering(_ o: Ordering) throws {
        let a = try #require(SemanticVersion(o.lhs))
        let b = try #require(SemanticVersion(o.rhs))
        if o.relation == "<" { #expect(a < b && !(b < a)) } else { #expect(a == b) }
    }

    @Test(arguments: ["v1.2.3", "1.2", "1", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3 ", "1.2.3.4"])
    func invalid(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }
}

@Suite struct GoVersionValidationTests {
    /// `isValid(utf8:)` and `init(utf8:)` over a buffer decide exactly as parsing the String does.
    @Test(arguments: ["v1", "v1.2", "v1.2.3", "v1.2.3-pre.1+b", "v0.0.0-20210215000000-023f437abcde", "v2.0.0+incompatible",
                      "", "1.2.3", "v", "v1.", "v01.2.3", "v1.2.3-01", "v1.2.3-", "v1.2.3+", "v1.2-pre", "v1.2.3.4", "v1.2.3-a..b"])
    func agreesWithParsing(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(GoVersion.isValid(utf8: buffer) == (GoVersion(text) != nil))
            #expect(GoVersion(utf8: buffer) == GoVersion(text))
        }
    }
}
