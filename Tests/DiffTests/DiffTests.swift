import Audit
import Report
import DepwatchTestSupport
import Foundation
import Testing
@testable import Diff

/// `depwatch diff` on real repositories built in temporary directories.
@Suite struct DiffTests {
    static let clean = "module example.com/svc\n\ngo 1.21\n\nrequire github.com/pkg/errors v0.9.1\n"
    static let withGcache = "module example.com/svc\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgithub.com/bluele/gcache v0.0.1\n)\n"
    static let fixedGcache = "module example.com/svc\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgithub.com/bluele/gcache v0.0.2\n)\n"

    func diff(_ fixture: GitFixture, base: String, head: String? = nil, subpaths: [String] = []) throws -> DiffResult {
        try Differ.diff(DiffOptions(repository: fixture.path, base: base, head: head, subpaths: subpaths,
                                    audit: AuditOptions(roots: [], today: "2026-11-28")),
                        store: try TestStore.shared())
    }

    @Test func pullRequestAddingAVulnerableDependency() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.clean, "main.go": "package main\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache", ["svc/go.mod": Self.withGcache])
        let result = try diff(fixture, base: "main", head: "feature")
        let svc = try #require(result.manifests.first { $0.path == "svc/go.mod" })
        #expect(svc.status == .modified)
        #expect(svc.changes == [DependencyChange(kind: .added, package: "github.com/bluele/gcache", from: nil, to: "v0.0.1")])
        #expect(svc.introduced.map(\.id) == ["x_DEPWATCH-2021-0001"])
        #expect(result.failing.count == 1)
    }

    @Test func pullRequestUpgradingOutOfTheVulnerableRange() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.withGcache])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("upgrade gcache", ["svc/go.mod": Self.fixedGcache])
        let result = try diff(fixture, base: "main", head: "feature")
        let svc = try #require(result.manifests.first)
        #expect(svc.changes.map(\.kind) == [.upgraded])
        #expect(svc.fixed.map(\.id) == ["x_DEPWATCH-2021-0001"])
        #expect(svc.introduced.isEmpty)
        #expect(result.failing.isEmpty)
    }

    @Test func pullRequestTouchingOnlyCode() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.withGcache, "svc/main.go": "package main\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("code", ["svc/main.go": "package main\n\nfunc main() {}\n"])
        let result = try diff(fixture, base: "main", head: "feature")
        #expect(result.manifests.map(\.status) == [.unchanged])
        #expect(result.manifests[0].existing.map(\.id) == ["x_DEPWATCH-2021-0001"], "shown, never failing")
        #expect(result.failing.isEmpty)
    }

    @Test func movedGoModIsNotEverythingNew() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.withGcache])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("move", ["svc/go.mod": nil, "services/svc/go.mod": Self.withGcache])
        let result = try diff(fixture, base: "main", head: "feature")
        #expect(result.manifests.count == 1)
        #expect(result.manifests[0].status == .moved)
        #expect(result.manifests[0].movedFrom == "svc/go.mod")
        #expect(result.manifests[0].introduced.isEmpty)
        #expect(result.manifests[0].changes.isEmpty)
    }

    @Test func newWorkspaceModuleIsAdded() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.work": "go 1.21\n\nuse ./svc\n", "svc/go.mod": Self.clean])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("new module", ["go.work": "go 1.21\n\nuse (\n\t./svc\n\t./cache\n)\n",
                                          "cache/go.mod": "module example.com/cache\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"])
        let result = try diff(fixture, base: "main", head: "feature")
        let cache = try #require(result.manifests.first { $0.path == "cache/go.mod" })
        #expect(cache.status == .added)
        #expect(cache.introduced.map(\.id) == ["x_DEPWATCH-2021-0001"])
    }

    @Test func packageResolvedRewrittenFromV2ToV3WithTheSamePins() throws {
        let pin = """
            {"identity": "swift-nio-http2", "kind": "remoteSourceControl", "location": "https://github.com/apple/swift-nio-http2.git",
             "state": {"revision": "6d021a48483dbb273a9be43f65234bdc9185b364", "version": "1.19.0"}}
            """
        let fixture = try GitFixture()
        try fixture.commit("base", ["app/Package.resolved": "{\"pins\": [\(pin)], \"version\": 2}\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("v3", ["app/Package.resolved": "{\"originHash\": \"abc\", \"pins\": [\(pin)], \"version\": 3}\n"])
        let result = try diff(fixture, base: "main", head: "feature")
        #expect(result.manifests.map(\.status) == [.unchanged])
        #expect(result.manifests[0].introduced.isEmpty && result.manifests[0].fixed.isEmpty)
        #expect(!result.manifests[0].existing.isEmpty)
    }

    @Test func uncommittedEditsCountAtTheWorkTree() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.clean])
        try Data(Self.withGcache.utf8).write(to: URL(fileURLWithPath: fixture.path + "/svc/go.mod"))
        let result = try diff(fixture, base: "HEAD")
        #expect(result.head == nil)
        #expect(result.manifests.first?.introduced.map(\.id) == ["x_DEPWATCH-2021-0001"])
    }

    @Test func missingBaseRevisionSaysHowToFetchIt() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.clean])
        #expect { try diff(fixture, base: "origin/main") } throws: { error in
            guard case .missingRevision = error as? DiffError else { return false }
            return error.localizedDescription.contains("git fetch origin main --depth=1")
        }
    }

    @Test func bareAndShallowRepositories() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": Self.clean])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("add gcache", ["svc/go.mod": Self.withGcache])
        let bare = fixture.directory.path("bare.git")
        try fixture.git("clone", "-q", "--bare", fixture.path, bare, in: fixture.directory.url.path)
        let result = try Differ.diff(DiffOptions(repository: bare, base: "main", head: "feature", audit: AuditOptions(roots: [], today: "2026-11-28")),
                                     store: try TestStore.shared())
        #expect(result.manifests.first?.introduced.count == 1)
        #expect { try Differ.diff(DiffOptions(repository: bare, base: "main", audit: AuditOptions(roots: [], today: "2026-11-28")),
                                  store: try TestStore.shared()) } throws: { error in
            if case .bareNeedsHead = error as? DiffError { return true }
            return false
        }
    }
}

extension DependencyChange: CustomStringConvertible {
    public var description: String { "\(kind) \(package) \(from ?? "-") -> \(to ?? "-")" }
}

@Suite struct DiffReportTests {
    @Test func jsonValidatesAgainstTheShippedSchemaAndSARIFAgainst210() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": DiffTests.withGcache])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("change", ["svc/go.mod": DiffTests.fixedGcache, "app/go.mod": DiffTests.withGcache.replacingOccurrences(of: "example.com/svc", with: "example.com/app")])
        let result = try Differ.diff(DiffOptions(repository: fixture.path, base: "main", head: "feature", audit: AuditOptions(roots: [], today: "2026-11-28")),
                                     store: try TestStore.shared())
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.diff-1.schema.json").path
        #expect(try SchemaValidation.errors(of: try result.text(as: .json), schemaPath: schema, draft: 2020) == [])
        let sarif = TestPaths.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        #expect(try SchemaValidation.errors(of: try result.text(as: .sarif), schemaPath: sarif, draft: 4) == [])
        let markdown = try result.text(as: .markdown)
        #expect(markdown.hasPrefix("### depwatch diff\n\n**This change introduces 1 known problem**"))
        #expect(markdown.contains("Fixes 1"))
    }
}

@Suite struct DiffErrorTests {
    @Test func brokenManifestAtARevisionIsNamedByRevisionAndPath() throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["svc/go.mod": DiffTests.clean])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("broken", ["svc/go.mod": "module example.com/svc\nrequire a 1.0.0\n"])
        let result = try Differ.diff(DiffOptions(repository: fixture.path, base: "main", head: "feature", audit: AuditOptions(roots: [], today: "2026-11-28")),
                                     store: try TestStore.shared())
        #expect(result.errors.map(\.description) == ["feature:svc/go.mod:2:11: require a: version \"1.0.0\" invalid: must be of the form v1.2.3"])
        #expect(result.timings.count == 4)
    }
}

@Suite struct ShallowCloneDiffTests {
    @Test func shallowCloneHoldingBothRevisions() throws {
        let fixture = try GitFixture()
        try fixture.commit("old", ["README": "x\n"])
        try fixture.commit("base", ["svc/go.mod": DiffTests.clean])
        try fixture.commit("add gcache", ["svc/go.mod": DiffTests.withGcache])
        let shallow = fixture.directory.path("shallow")
        try fixture.git("clone", "-q", "--depth", "2", "file://" + fixture.path, shallow, in: fixture.directory.url.path)
        let options = DiffOptions(repository: shallow, base: "HEAD~1", head: "HEAD", audit: AuditOptions(roots: [], today: "2026-11-28"))
        let result = try Differ.diff(options, store: try TestStore.shared())
        #expect(result.manifests.first?.introduced.map(\.id) == ["x_DEPWATCH-2021-0001"])
        let tooDeep = DiffOptions(repository: shallow, base: "HEAD~2", head: "HEAD", audit: AuditOptions(roots: [], today: "2026-11-28"))
        #expect { try Differ.diff(tooDeep, store: try TestStore.shared()) } throws: { error in
            if case .missingRevision = error as? DiffError { return true }
            return false
        }
    }
}
