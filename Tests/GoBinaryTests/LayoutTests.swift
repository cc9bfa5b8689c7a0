import DepwatchTestSupport
import Foundation
import Testing
@testable import GoBinary

/// The layouts no toolchain here writes: the pointer form of the build information (Go 1.13–1.17), from
/// SyntheticExecutable's generator, and universal Mach-O files, made of the darwin builds.
@Suite struct LayoutTests {
    static let modules = "path\texample.com/old\nmod\texample.com/old\t(devel)\t\ndep\tgithub.com/pkg/errors\tv0.9.1\th1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n"
        + "dep\tgolang.org/x/text\tv0.3.0\n=>\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n"

    @Test func thePointerFormOfGoBefore118IsRead() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("old", Data(SyntheticExecutable.legacyBuildInfo(version: "go1.17.13", modules: Self.modules)))
        let binary = try GoBinary.read(path: path)
        #expect(binary.format == .elf && binary.architectures == ["amd64"])
        #expect(binary.buildInfo.goVersion == "go1.17.13")
        #expect(binary.buildInfo.path == "example.com/old")
        #expect(binary.buildInfo.dependencies.map(\.built) == [
            GoModuleVersion(path: "github.com/pkg/errors", version: "v0.9.1", sum: "h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4="),
            GoModuleVersion(path: "golang.org/x/text", version: "v0.3.7", sum: "h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk="),
        ])
        #expect(binary.buildInfo.dependencies[1].module == GoModuleVersion(path: "golang.org/x/text", version: "v0.3.0"))
        #expect(binary.buildInfo.settings.isEmpty)
    }

    @Test(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
    func aUniversalMachOFileHasAnImagePerArchitecture() throws {
        let programs = try TestPrograms.shared.get()
        let arm = try Data(contentsOf: URL(fileURLWithPath: try programs.binary(.darwinArm64)))
        let intel = try Data(contentsOf: URL(fileURLWithPath: try programs.binary(.darwinAmd64)))
        let fat = SyntheticExecutable.universal([(0x0100_000C, Array(arm)), (0x0100_0007, Array(intel))])
        let directory = try TemporaryDirectory()
        let binary = try GoBinary.read(path: try directory.write("universal", Data(fat)))
        #expect(binary.format == .machO && binary.architectures == ["arm64", "amd64"])
        let thin = try GoBinary.read(path: try programs.binary(.darwinArm64))
        #expect(binary.buildInfo == thin.buildInfo)
    }
}
