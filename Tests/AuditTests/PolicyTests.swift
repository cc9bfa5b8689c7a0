import Advisories
import DepwatchTestSupport
import Foundation
import Testing
@testable import Audit

@Suite struct PolicyParserTests {
    @Test func fullPolicy() throws {
        let policy = try PolicyParser.parse("""
            fail-on = "high"
            kinds = ["security", "leak"]

            [[ignore]]
            id = "CVE-2020-36567"
            reason = "we do not log user input"
            until = 2027-01-31

            [[ignore]]
            id = "GO-2021-0052"
            reason = "behind a proxy that normalizes requests"
            package = "github.com/gin-gonic/gin"

            [[deny]]
            package = "github.com/bluele/gcache"
            versions = "< v0.0.2"
            reason = "LFU leak; see x_DEPWATCH-2021-0001"
            severity = "critical"
            """, path: "depwatch.toml")
        #expect(policy.failOn == .high)
        #expect(policy.kinds == [.security, .leak])
        #expect(policy.ignores.map(\.id) == ["CVE-2020-36567", "GO-2021-0052"])
        #expect(policy.ignores.map(\.line) == [4, 9])
        #expect(policy.ignores[0].until == "2027-01-31")
        #expect(policy.ignores[1].package == "github.com/gin-gonic/gin")
        #expect(policy.denies.first?.versions?.description == "< v0.0.2")
        #expect(policy.denies.first?.severity == .critical)
    }

    @Test(arguments: [
        ("[[ignore]]\nid = \"GO-1\"\n", "depwatch.toml:1: [[ignore]] of GO-1 needs a reason: say why it is safe to ignore"),
        ("[[ignore]]\nid = \"GO-1\"\nreason = \"  \"\n", "depwatch.toml:1: [[ignore]] of GO-1 needs a reason: say why it is safe to ignore"),
        ("[[ignore]]\nid = \"GO-1\"\nreason = \"r\"\nuntill = 2026-01-01\n",
         "depwatch.toml:4: unknown key \"untill\" in [[ignore]]; expected one of id, package, reason, until"),
        ("fail_on = \"high\"\n", "depwatch.toml:1: unknown key \"fail_on\"; expected one of deny, fail-on, ignore, kinds, reachable-only, require-vetting"),
        ("fail-on = \"severe\"\n", "depwatch.toml:1: fail-on must be one of any, low, medium, high, critical, none"),
        ("reachable-only = \"yes\"\n", "depwatch.toml:1: reachable-only must be true or false"),
        // toml++ asserted (aborting depwatch) on a header key that starts with ':' (found by scripts/fuzz policy).
        ("fail-on = \"high\"\n[:ignore]\nid = \"x\"\n", "depwatch.toml:2:2: a table header's key must start with a letter, a digit, - or _, or be quoted"),
        ("[[ @deny]]\n", "depwatch.toml:1:4: a table header's key must start with a letter, a digit, - or _, or be quoted"),
        ("[[\nid = 1\n", "depwatch.toml:1:3: a table header's key must start with a letter, a digit, - or _, or be quoted"),
        ("kinds = [}\n", "depwatch.toml:1:10: an array element must be a value, not \"}\""),
        ("kinds = [\"leak\", ,]\n", "depwatch.toml:1:18: an array element must be a value, not \",\""),
        ("kinds = [\"security\", \"bug\"]\n",
         "depwatch.toml:1: kinds must be a list of correctness, crash, leak, performance, policy, security, unmaintained"),
        ("[[ignore]]\nid = \"GO-1\"\nreason = \"r\"\nuntil = \"soon\"\n", "depwatch.toml:4: until must be a date such as 2026-12-31"),
        ("[[ignore]]\nreason = \"r\"\n", "depwatch.toml:1: [[ignore]] needs an id (an advisory id or alias)"),
        ("[[deny]]\npackage = \"x\"\n", "depwatch.toml:1: [[deny]] of x needs a reason"),
        ("[[deny]]\npackage = \"x\"\nreason = \"r\"\nversions = \"about 2\"\n",
         "depwatch.toml:4: versions must be comparisons such as \">= 1.0.0, < 1.2.0\""),
        ("\n\n[[ignore]\n", "depwatch.toml:3:"),
    ])
    func malformedPolicy(_ text: String, _ expected: String) {
        do {
            _ = try PolicyParser.parse(text, path: "depwatch.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.localizedDescription.hasPrefix(expected), "\(error.localizedDescription)")
        }
    }
}

@Suite struct PolicyApplicationTests {
    static let gcacheAndGin = """
        module example.com/svc

        go 1.21

        require (
        \tgithub.com/bluele/gcache v0.0.1
        \tgithub.com/gin-gonic/gin v1.4.0
        )
        """

    func audit(policy: String, today: String = "2026-11-28") throws -> AuditResult {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", Self.gcacheAndGin)
        let parsed = try PolicyParser.parse(policy, path: "depwatch.toml")
        return try Auditor.audit(AuditOptions(roots: [dir.path("svc")], policy: parsed, today: today), index: AdvisoryIndex(store: try TestStore.shared()))
    }

    @Test func ignoreByAliasMarksTheFindingIgnored() throws {
        let result = try audit(policy: "[[ignore]]\nid = \"CVE-2020-36567\"\nreason = \"no user input is logged\"\n")
        let finding = try #require(result.findings.first { $0.id == "GO-2020-0001" })
        #expect(finding.ignored)
        #expect(finding.ignoreReason == "no user input is logged")
        #expect(!result.failing.contains { $0.id == "GO-2020-0001" })
        #expect(result.warnings.filter { $0.path == "depwatch.toml" }.isEmpty)
        let gin = try #require(result.upgrades.first { $0.package == "github.com/gin-gonic/gin" })
        #expect(!gin.fixes.contains("GO-2020-0001"))
    }

    @Test func expiredIgnoreStopsIgnoringAndWarns() throws {
        let result = try audit(policy: "[[ignore]]\nid = \"GO-2020-0001\"\nreason = \"r\"\nuntil = 2026-01-31\n")
        #expect(result.findings.first { $0.id == "GO-2020-0001" }?.ignored == false)
        #expect(result.warnings.filter { $0.path == "depwatch.toml" }.map(\.description) == [
            "depwatch.toml:1: expired-ignore: the ignore of GO-2020-0001 ended on 2026-01-31; it no longer applies (renew it or fix the finding)"])
    }

    @Test func ignoreUntilTodayStillHolds() throws {
        let result = try audit(policy: "[[ignore]]\nid = \"GO-2020-0001\"\nreason = \"r\"\nuntil = 2026-11-28\n")
        #expect(result.findings.first { $0.id == "GO-2020-0001" }?.ignored == true)
    }

    @Test func unusedIgnoreWarns() throws {
        let result = try audit(policy: "[[ignore]]\nid = \"GO-1999-0001\"\nreason = \"r\"\n")
        #expect(result.warnings.filter { $0.path == "depwatch.toml" }.map(\.description) == ["depwatch.toml:1: unused-ignore: the ignore of GO-1999-0001 matched no finding; remove it"])
    }

    @Test func ignoreLimitedToAnotherPackageDoesNotApply() throws {
        let result = try audit(policy: "[[ignore]]\nid = \"GO-2020-0001\"\nreason = \"r\"\npackage = \"github.com/other/module\"\n")
        #expect(result.findings.first { $0.id == "GO-2020-0001" }?.ignored == false)
    }

    @Test func denyMakesAPolicyFinding() throws {
        let result = try audit(policy: "[[deny]]\npackage = \"github.com/bluele/gcache\"\nversions = \"< v0.0.2\"\nreason = \"LFU leak\"\n")
        let denied = try #require(result.findings.first { $0.kind == .policy })
        #expect(denied.package == "github.com/bluele/gcache")
        #expect(denied.severity == .high)
        #expect(denied.line == 6)
        let outside = try audit(policy: "[[deny]]\npackage = \"github.com/bluele/gcache\"\nversions = \">= v0.0.2\"\nreason = \"r\"\n")
        #expect(!outside.findings.contains { $0.kind == .policy })
    }

    @Test func failOnAndKindsDecideWhatFails() throws {
        #expect(try audit(policy: "fail-on = \"none\"\n").failing.isEmpty)
        let high = try audit(policy: "fail-on = \"high\"\n")
        #expect(high.failing.map(\.id) == ["x_DEPWATCH-2021-0001"], "only the curated leak has a known severity (high)")
        let leaks = try audit(policy: "kinds = [\"leak\"]\n")
        #expect(leaks.failing.allSatisfy { $0.kind == .leak } && !leaks.failing.isEmpty)
        #expect(try audit(policy: "kinds = [\"crash\"]\n").failing.isEmpty)
    }
}
