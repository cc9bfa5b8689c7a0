import DepwatchTestSupport
import Foundation
import Manifest
import Testing
@testable import Git

/// A git tree read as a manifest source: what discovery and the inventory see, with nothing checked out.
@Suite struct GitTreeSourceTests {
    static func tree() throws -> (GitFixture, GitTreeSource) {
        let fixture = try GitFixture()
        let id = try fixture.commit("manifests", [
            "go.mod": "module example.com/m\n\ngo 1.21\n",
            "svc/api/go.mod": "module example.com/api\n\ngo 1.22\n",
            "svc/api/go.sum": "",
            "app/Package.resolved": "{\"pins\": [], \"version\": 2}\n",
        ])
        let repository = try Repository(path: fixture.path)
        return (fixture, try GitTreeSource(repository, commit: id, named: "main"))
    }

    @Test func listsDirectoriesAndFilesFromTheTree() throws {
        let (fixture, source) = try Self.tree()
        defer { withExtendedLifetime(fixture) {} }
        #expect(source.entries(of: ".") == [SourceEntry(name: "app", item: .directory), SourceEntry(name: "go.mod", item: .file),
                                            SourceEntry(name: "svc", item: .directory)])
        #expect(source.entries(of: "./svc/") == [SourceEntry(name: "api", item: .directory)])
        #expect(source.entries(of: "nope") == nil)
        #expect(source.item(at: "svc/api/go.sum") == .file)
        #expect(source.item(at: "svc") == .directory)
        #expect(source.item(at: ".") == .directory)
        #expect(source.item(at: "svc/go.mod") == nil)
        #expect(source.identity(ofDirectory: "svc") == nil)
    }

    @Test func readsBlobsAndNamesThemByRevision() throws {
        let (fixture, source) = try Self.tree()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try source.text("svc/api/go.mod") == "module example.com/api\n\ngo 1.22\n")
        #expect(try source.text("./go.mod").hasPrefix("module example.com/m"))
        #expect(source.displayPath("./svc/api/go.mod") == "main:svc/api/go.mod")
        #expect(throws: ManifestError.notFound(path: "main:missing/go.mod")) { try source.text("missing/go.mod") }
        #expect(throws: ManifestError.unreadable(path: "main:svc", reason: "it is a directory")) { try source.text("svc") }
        #expect(throws: ManifestError.tooLarge(path: "main:go.mod", bytes: 30, limit: 10)) { try source.bytes(of: "go.mod", limit: 10) }
    }

    @Test func discoveryAndTheInventoryReadTheTree() throws {
        let (fixture, source) = try Self.tree()
        defer { withExtendedLifetime(fixture) {} }
        let found = ManifestDiscovery.find(["."], in: source).found.map(\.path)
        #expect(found == ["app/Package.resolved", "go.mod", "svc/api/go.mod"])
        let inventory = InventoryLoader.load(["svc", "go.mod"], from: source)
        #expect(inventory.manifests.map(\.path) == ["go.mod", "svc/api/go.mod"])
        #expect(inventory.errors.isEmpty)
    }

    @Test func problemsAreNamedByRevisionAndPath() throws {
        let fixture = try GitFixture()
        let id = try fixture.commit("bad", ["go.mod": "module example.com/m\n\nrequire (\n"])
        let source = try GitTreeSource(try Repository(path: fixture.path), commit: id, named: "feature")
        let inventory = InventoryLoader.load(["."], from: source)
        #expect(inventory.errors.count == 1)
        #expect(inventory.errors.first?.path == "feature:go.mod")
    }
}
