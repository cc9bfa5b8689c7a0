import DepwatchTestSupport
import Foundation
import Testing
@testable import GoBinary

/// Build information read from real Go binaries, checked against `go version -m` from the same toolchain:
/// every line equal, for every build form and every executable format.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct BuildInfoTests {
    @Test(arguments: TestPrograms.Variant.all)
    func everyLineIsWhatGoVersionMPrints(_ variant: TestPrograms.Variant) throws {
        let path = try TestPrograms.shared.get().binary(variant)
        let binary = try GoBinary.read(path: path)
        let reference = try TestPrograms.goVersionM(path)
        #expect(binary.buildInfo.goVersion == reference.version)
        // go version -m prints an empty line after each replacement (as the text in the binary has it).
        #expect(binary.buildInfo.moduleInfoLines == reference.lines.filter { !$0.isEmpty })
    }

    @Test func theModulesAreTheOnesBuiltAfterReplace() throws {
        let binary = try GoBinary.read(path: try TestPrograms.shared.get().binary(.plain))
        let info = binary.buildInfo
        #expect(info.path == "example.com/app")
        #expect(info.main?.module.path == "example.com/app")
        let lib = try #require(info.dependencies.first { $0.module.path == "example.com/lib" })
        #expect(lib.module.version == "v1.2.0" && lib.module.sum?.hasPrefix("h1:") == true && lib.replacement == nil)
        let local = try #require(info.dependencies.first { $0.module.path == "example.com/local" })
        #expect(local.replacement == GoModuleVersion(path: "../local", version: "(devel)"))
        #expect(local.built.path == "../local")
        #expect(info.setting("GOOS") == "linux" && info.setting("GOARCH") == "amd64")
    }

    @Test(arguments: [
        (TestPrograms.Variant.plain, ExecutableFormat.elf, "amd64"), (.linux386, .elf, "386"), (.darwinArm64, .machO, "arm64"),
        (.darwinAmd64, .machO, "amd64"), (.windows, .pe, "amd64"),
    ])
    func theFormatAndArchitectureAreRead(_ variant: TestPrograms.Variant, _ format: ExecutableFormat, _ architecture: String) throws {
        let binary = try GoBinary.read(path: try TestPrograms.shared.get().binary(variant))
        #expect(binary.format == format && binary.architectures == [architecture])
        #expect(binary.buildInfo.setting("GOARCH") == architecture)
    }

    @Test func buildSettingsAreReadWithTheirQuoting() throws {
        let programs = try TestPrograms.shared.get()
        let stripped = try GoBinary.read(path: try programs.binary(.stripped)).buildInfo
        #expect(stripped.setting("-ldflags") == "-s -w")
        #expect(try GoBinary.read(path: try programs.binary(.trimpath)).buildInfo.setting("-trimpath") == "true")
        #expect(try GoBinary.read(path: try programs.binary(.noCgo)).buildInfo.setting("CGO_ENABLED") == "0")
    }
}
