import Audit
import DepwatchTestSupport
import Foundation
import Testing
@testable import Diff

@Suite struct VettingTests {
    static let base = "module example.com/svc\n\ngo 1.21\n\nrequire github.com/pkg/errors v0.9.1\n"
    static func adding(_ gcache: String) -> String {
        "module example.com/svc\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgithub.com/bluele/gcache \(gcache)\n)\n"
    }

    func diff(_ fixture: GitFixture) throws -> DiffResult {
        var options = DiffOptions(repository: fixture.path, base: "main", head: "feature", audit: AuditOptions(roots: [], today: "2026-11-28"))
        options.requireVetting = true
        return try Differ.diff(options, store: try TestStore.shared())
    }

    @Test func newUnvettedDependencyFails() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": Self.base, "depwatch.vet.toml": "[[exemption]]\npackage = \"github.com/pkg/errors\"\nversion = \"v0.9.1\"\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache", ["go.mod": Self.adding("v0.0.2")])
        let result = try diff(fixture)
        #expect(result.unvetted == [UnvettedDependency(manifest: "go.mod", package: "github.com/bluele/gcache", version: "v0.0.2")])
        #expect(result.failing.isEmpty, "v0.0.2 has no finding")
        #expect(result.fails)
    }

    @Test func vettedDependencyPasses() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": Self.base])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache, reviewed", [
            "go.mod": Self.adding("v0.0.2"),
            "depwatch.vet.toml": "[[vetted]]\npackage = \"github.com/bluele/gcache\"\nversion = \"v0.0.2\"\nreason = \"read lfu.go\"\nby = \"ana\"\n",
        ])
        let result = try diff(fixture)
        #expect(result.unvetted.isEmpty)
        #expect(!result.fails)
    }

    @Test func upgradePastTheVettedVersionFails() throws {
        let fixture = try GitFixture()
        let records = "[[vetted]]\npackage = \"github.com/bluele/gcache\"\nversion = \"v0.0.2\"\nreason = \"read lfu.go\"\n"
        try fixture.commit("base", ["go.mod": Self.adding("v0.0.2"), "depwatch.vet.toml": records])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("upgrade", ["go.mod": Self.adding("v0.0.3")])
        let result = try diff(fixture)
        #expect(result.unvetted.map(\.version) == ["v0.0.3"])
        #expect(result.fails)
    }

    @Test func malformedRecordFileIsAnErrorWithItsLine() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": Self.base])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("bad records", ["go.mod": Self.adding("v0.0.2"),
                                           "depwatch.vet.toml": "[[vetted]]\npackage = \"github.com/bluele/gcache\"\nversion = \"v0.0.2\"\nreviewer = \"x\"\n"])
        #expect { try diff(fixture) } throws: { error in
            error.localizedDescription == "feature:depwatch.vet.toml:4: unknown key \"reviewer\" in [[vetted]]; expected one of by, date, package, reason, version"
        }
    }

    @Test func recordsCoverExactVersionsAndVettedOlderOnes() throws {
        let records = try VetRecords.parse("""
            [[vetted]]
            package = "m"
            version = "v1.2.0"
            reason = "r"

            [[exemption]]
            package = "e"
            version = "v1.0.0"
            """, path: "depwatch.vet.toml")
        #expect(records.covers(package: "m", version: "v1.2.0", ecosystem: .go))
        #expect(records.covers(package: "m", version: "v1.1.0", ecosystem: .go), "a downgrade below a vetted version")
        #expect(!records.covers(package: "m", version: "v1.3.0", ecosystem: .go))
        #expect(records.covers(package: "e", version: "v1.0.0", ecosystem: .go))
        #expect(!records.covers(package: "e", version: "v0.9.0", ecosystem: .go), "an exemption covers its version only")
        #expect(records.records.map(\.line) == [1, 6])
    }

    @Test(arguments: [
        ("[[vetted]]\npackage = \"m\"\nversion = \"v1\"\n", "depwatch.vet.toml:1: [[vetted]] of m@v1 needs a reason"),
        ("[[vetted]]\nversion = \"v1\"\nreason = \"r\"\n", "depwatch.vet.toml:1: [[vetted]] needs a package and a version"),
        ("[[audits]]\npackage = \"m\"\n", "depwatch.vet.toml:1: unknown key \"audits\"; expected [[vetted]] or [[exemption]]"),
    ])
    func malformedRecords(_ text: String, _ expected: String) {
        #expect { try VetRecords.parse(text, path: "depwatch.vet.toml") } throws: { $0.localizedDescription == expected }
    }
}
