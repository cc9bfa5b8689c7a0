import DepwatchTestSupport
import Foundation
import Testing
@testable import Manifest

@Suite struct InventoryTests {
    func inventory(_ fixture: String, sum: String? = nil) throws -> [Dependency] {
        let file = try GoModParser.parse(try TestPaths.fixtureText("gomod/\(fixture)"), path: "go.mod")
        let parsedSum = try sum.map { (file: try GoSumParser.parse($0, path: "go.sum"), path: "go.sum") }
        return GoModuleGraph(file: file, path: "go.mod", sum: parsedSum).inventory().dependencies
    }

    @Test func versionSpecificReplaceBeatsModuleWide() throws {
        let deps = try inventory("replace-version-specific-beats-module-wide.mod")
        #expect(deps[0].package == "github.com/bluele/gcache")
        #expect(deps[0].version == "v0.0.2")
        #expect(deps[0].requested == RequestedVersion(package: "github.com/bluele/gcache", version: "v0.0.1"))
        #expect(deps[1].version == "v0.9.1", "a replace of another version changes nothing")
        #expect(deps[1].requested == nil)
    }

    @Test func moduleWideReplaceAppliesToAnyVersion() throws {
        let file = try GoModParser.parse("module x\ngo 1.21\nrequire github.com/bluele/gcache v0.0.1\nreplace github.com/bluele/gcache => github.com/fork/gcache v0.0.3\n", path: "go.mod")
        let dep = GoModuleGraph(file: file, path: "go.mod").inventory().dependencies[0]
        #expect(dep.package == "github.com/fork/gcache")
        #expect(dep.version == "v0.0.3")
        #expect(dep.source == .version)
    }

    @Test func localReplaceStaysWithNoVersion() throws {
        let deps = try inventory("replace-local.mod")
        #expect(deps.map(\.source) == [.local, .local])
        #expect(deps.map(\.version) == [nil, nil])
        #expect(deps.map(\.directory) == ["../lib", "/opt/src/tools"])
        #expect(deps[0].requested?.version == "v1.0.0")
    }

    @Test func replaceOfAModuleNotRequiredChangesNothing() throws {
        let deps = try inventory("replace-not-required.mod")
        #expect(deps.map(\.package) == ["github.com/pkg/errors"])
        #expect(deps[0].requested == nil)
    }

    static let sum = """
        github.com/bluele/gcache v0.0.1 h1:aaaa=
        github.com/bluele/gcache v0.0.1/go.mod h1:bbbb=
        golang.org/x/sys v0.0.0-20190215142949-d0b11bdaac8a/go.mod h1:cccc=
        golang.org/x/sys v0.1.0 h1:dddd=
        golang.org/x/sys v0.0.0-20200116001909-b77594299b42 h1:eeee=
        github.com/only/gomod v1.0.0/go.mod h1:ffff=
        """

    @Test func goSumFillsIndirectsBelowGo117() throws {
        let file = try GoModParser.parse("module x\ngo 1.16\nrequire github.com/bluele/gcache v0.0.1\n", path: "go.mod")
        let deps = GoModuleGraph(file: file, path: "go.mod", sum: (try GoSumParser.parse(Self.sum, path: "go.sum"), "go.sum"))
            .inventory().dependencies
        #expect(deps.map(\.package) == ["github.com/bluele/gcache", "golang.org/x/sys"])
        #expect(deps[1].version == "v0.1.0", "the highest version with a full hash")
        #expect(deps[1].source == .gosum)
        #expect(deps[1].direct == false)
        #expect(deps[1].file == "go.sum")
        #expect(deps[1].line == 4)
    }

    @Test func goSumIsNotUsedFromGo117() throws {
        let file = try GoModParser.parse("module x\ngo 1.17\nrequire github.com/bluele/gcache v0.0.1\n", path: "go.mod")
        let deps = GoModuleGraph(file: file, path: "go.mod", sum: (try GoSumParser.parse(Self.sum, path: "go.sum"), "go.sum"))
            .inventory().dependencies
        #expect(deps.count == 1)
    }

    @Test func missingGoDirectiveMeansGo116() throws {
        let file = try GoModParser.parse("module x\nrequire github.com/bluele/gcache v0.0.1\n", path: "go.mod")
        #expect(GoModuleGraph(file: file, path: "go.mod").listsIncompleteIndirects)
    }
}

@Suite struct WorkspaceTests {
    @Test func workspaceReplacesApplyAndUsedModulesAreLocal() throws {
        let dir = try TemporaryDirectory()
        try dir.write("go.work", """
            go 1.22

            use (
            \t./svc
            \t./lib
            \t./missing
            )

            replace github.com/bluele/gcache => github.com/bluele/gcache v0.0.2
            """)
        try dir.write("go.work.sum", "golang.org/x/sys v0.1.0 h1:dddd=\n")
        try dir.write("svc/go.mod", """
            module example.com/svc

            go 1.22

            require (
            \texample.com/lib v0.1.0
            \tgithub.com/bluele/gcache v0.0.1
            )

            replace github.com/bluele/gcache => github.com/fork/gcache v0.0.9
            """)
        try dir.write("lib/go.mod", "module example.com/lib\n\ngo 1.22\n")
        let inventory = InventoryLoader.load([dir.url.path])
        #expect(inventory.errors.isEmpty)
        #expect(inventory.warnings.map(\.line) == [6])
        #expect(inventory.warnings.first?.message.contains("./missing") == true)
        let work = try #require(inventory.manifests.first { $0.path.hasSuffix("go.work") })
        #expect(work.uses?.map(\.module) == ["example.com/svc", "example.com/lib", nil])
        let svc = try #require(inventory.manifests.first { $0.path.hasSuffix("svc/go.mod") })
        #expect(svc.workspace == work.path)
        #expect(svc.dependencies[0].source == .local)
        #expect(svc.dependencies[0].directory == "./lib")
        #expect(svc.dependencies[1].package == "github.com/bluele/gcache", "go.work's replace overrides the module's")
        #expect(svc.dependencies[1].version == "v0.0.2")
        #expect(inventory.manifests.count == 3)
    }
}
