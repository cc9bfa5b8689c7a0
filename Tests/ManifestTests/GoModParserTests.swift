import DepwatchTestSupport
import Testing
@testable import Manifest

@Suite struct GoModParserTests {
    func parse(_ fixture: String) throws -> GoModFile {
        try GoModParser.parse(try TestPaths.fixtureText("gomod/\(fixture)"), path: fixture)
    }

    @Test func requireBlockAndIndirectComments() throws {
        let file = try parse("require-block-indirect.mod")
        #expect(file.module == "example.com/service")
        #expect(file.go == "1.21")
        #expect(file.requirements.map(\.path) == ["github.com/bluele/gcache", "github.com/gin-gonic/gin", "golang.org/x/sys",
                                                  "golang.org/x/text", "github.com/pkg/errors"])
        #expect(file.requirements.map(\.indirect) == [false, false, true, true, false])
        #expect(file.requirements.map(\.line) == [6, 9, 10, 11, 12])
    }

    @Test func replaceForms() throws {
        let file = try parse("replace-version-specific-beats-module-wide.mod")
        #expect(file.replacements.count == 3)
        #expect(file.replacements[0].old == GoModuleVersion(path: "github.com/bluele/gcache", version: nil))
        #expect(file.replacements[0].new == GoModuleVersion(path: "github.com/fork/gcache", version: "v0.0.3"))
        #expect(file.replacements[1].old.version == "v0.0.1")
        #expect(!file.replacements[1].isLocal)
        let local = try parse("replace-local.mod")
        #expect(local.replacements.map(\.new.path) == ["../lib", "/opt/src/tools"])
        #expect(local.replacements.allSatisfy { $0.isLocal })
        #expect(local.replacements[1].old.version == "v0.3.0")
    }

    @Test func retractionsWithRationale() throws {
        let file = try parse("retract-interval-block.mod")
        #expect(file.retractions.map { "\($0.low)..\($0.high)" } == ["v1.0.0..v1.0.0", "v1.1.0..v1.1.5", "v1.2.0..v1.2.0", "v1.3.0..v1.3.2"])
        #expect(file.retractions.map(\.rationale) == ["Published by mistake.", "leaks memory under load", "Remote-triggered crash.", ""])
    }

    @Test func toolchainGodebugToolIgnore() throws {
        let file = try parse("toolchain-godebug-tool.mod")
        #expect(file.go == "1.23.4")
        #expect(file.toolchain == "go1.23.6")
        #expect(file.godebug.map { "\($0.key)=\($0.value)" } == ["default=go1.21", "panicnil=1", "asynctimerchan=0"])
        #expect(file.tools == ["golang.org/x/tools/cmd/stringer", "example.com/service/cmd/gen"])
        #expect(file.ignores == ["./node_modules"])
    }

    @Test func quotedPathsAreUnquoted() throws {
        let file = try parse("quoted-paths.mod")
        #expect(file.module == "example.com/quoted")
        #expect(file.requirements.map(\.path) == ["github.com/pkg/errors", "example.com/abc"])
        #expect(file.requirements[0].version == "v0.9.1")
    }

    @Test func versionsAreCanonicalizedAsGoDoes() throws {
        let file = try parse("version-canonicalization.mod")
        #expect(file.requirements.map(\.version) == ["v1.2.0", "v1.0.0", "v1.2.3", "v20.10.7+incompatible",
                                                     "v0.0.0-20210215000000-023f437abcde"])
        #expect(file.exclusions.map(\.version) == ["v1.1.0"])
    }

    @Test func commentsAnywhere() throws {
        let file = try parse("comments-everywhere.mod")
        #expect(file.module == "example.com/service")
        #expect(file.requirements.map(\.path) == ["github.com/pkg/errors", "golang.org/x/sync"])
        #expect(file.requirements.map(\.indirect) == [false, false])
    }

    @Test func deprecatedModule() throws {
        #expect(try parse("deprecated-module.mod").deprecated == "use example.com/new instead.")
    }

    @Test func emptyBlocks() throws {
        let file = try parse("empty-blocks.mod")
        #expect(file.requirements.isEmpty && file.replacements.isEmpty)
    }

    @Test(arguments: ["require-block-indirect.mod", "retract-interval-block.mod", "comments-everywhere.mod", "toolchain-godebug-tool.mod"])
    func crlfLineEndingsParseTheSame(_ fixture: String) throws {
        let text = try TestPaths.fixtureText("gomod/\(fixture)")
        let lf = try GoModParser.parse(text, path: fixture)
        let crlf = try GoModParser.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), path: fixture)
        #expect(crlf.requirements == lf.requirements)
        #expect(crlf.retractions == lf.retractions)
        #expect(crlf.godebug == lf.godebug)
        #expect(crlf.module == lf.module && crlf.go == lf.go)
    }

    @Test func everyDirectiveErrorIsReportedNotOnlyTheFirst() {
        do {
            _ = try GoModParser.parse("module x\nrequire a 1.0\nrequires b v1.0.0\n", path: "go.mod")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.line) == [2, 3])
        }
    }
}
