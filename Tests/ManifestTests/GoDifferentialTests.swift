import DepwatchTestSupport
import Foundation
import Testing
@testable import Manifest

/// depwatch's go.mod reading, checked against the Go toolchain's own (`go mod edit -json`) on every
/// go.mod of the corpus, module by module.
@Suite struct GoDifferentialTests {
    /// The shape of `go mod edit -json` (cmd/go's `editJSON`), the parts compared.
    struct GoModJSON: Decodable {
        struct Module: Decodable, Equatable { var Path: String; var Version: String? }
        struct Require: Decodable, Equatable { var Path: String; var Version: String; var Indirect: Bool? }
        struct Replace: Decodable, Equatable { var Old: Module; var New: Module }
        var Module: Module
        var Go: String?
        var Toolchain: String?
        var Require: [Require]?
        var Exclude: [Module]?
        var Replace: [Replace]?
    }

    static let goMods = Corpus.files(named: ["go.mod"])

    @Test func goToolchainIsInstalled() {
        #expect(GoToolchain.binary != nil, "install Go 1.21+ with scripts/setup")
    }

    @Test(.enabled(if: GoToolchain.binary != nil), arguments: goMods)
    func matchesGoModEdit(_ relative: String) throws {
        let result = try GoToolchain.run(["mod", "edit", "-json", Corpus.path(relative)], in: FileManager.default.temporaryDirectory)
        try #require(result.status == 0, "go mod edit failed: \(result.stderr)")
        let go = try JSONDecoder().decode(GoModJSON.self, from: Data(result.stdout.utf8))
        let ours = try GoModParser.parse(try FileSystemSource().text(Corpus.path(relative)), path: relative)

        #expect(ours.module == go.Module.Path)
        #expect(ours.go == go.Go)
        #expect(ours.toolchain == go.Toolchain)
        #expect(ours.requirements.map { GoModJSON.Require(Path: $0.path, Version: $0.version, Indirect: $0.indirect ? true : nil) }
            == (go.Require ?? []))
        #expect(ours.exclusions.map { GoModJSON.Module(Path: $0.path, Version: $0.version) } == (go.Exclude ?? []))
        #expect(ours.replacements.map {
            GoModJSON.Replace(Old: .init(Path: $0.old.path, Version: $0.old.version), New: .init(Path: $0.new.path, Version: $0.new.version))
        } == (go.Replace ?? []))
    }
}

/// What depwatch rejects in go.mod, Go rejects too; what the scenario fixtures show, Go accepts.
@Suite struct GoAgreementTests {
    static let goModCases = MalformedInputTests.cases.filter { $0.format == .goMod }
    static let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("gomod").path))?.sorted() ?? []

    func goModEdit(_ text: String) throws -> CommandResult {
        let dir = try TemporaryDirectory()
        let path = try dir.write("go.mod", text)
        return try GoToolchain.run(["mod", "edit", "-json", path], in: dir.url)
    }

    @Test(.enabled(if: GoToolchain.binary != nil), arguments: goModCases)
    func goRejectsWhatDepwatchRejects(_ c: Malformed) throws {
        #expect(try goModEdit(c.text).status != 0)
    }

    @Test(.enabled(if: GoToolchain.binary != nil), arguments: fixtures)
    func goAcceptsEveryScenarioFixture(_ name: String) throws {
        let result = try goModEdit(try TestPaths.fixtureText("gomod/\(name)"))
        #expect(result.status == 0, "\(result.stderr)")
    }
}
