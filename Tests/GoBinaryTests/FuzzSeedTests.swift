import DepwatchTestSupport
import Foundation
import Testing

/// The gobinary fuzz target's seeds (`Fuzz/seeds/gobinary/`): small synthetic Go binaries of every
/// layout the reader knows — each pclntab form with its module data and an inline tree, and the pointer
/// form of the build information — so that the fuzzer starts from inputs that reach the function tables
/// rather than from a file Go did not build. `DEPWATCH_RECORD=1` writes them; otherwise they must be what
/// the generators write.
@Suite struct FuzzSeedTests {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Fuzz/seeds/gobinary")

    static var seeds: [(name: String, bytes: [UInt8])] {
        SyntheticLineTable.Form.allCases.map { form in
            ("\(form.rawValue).elf", SyntheticLineTable.elf(form, functions: ["main.main", "example.com/lib.(*Reader).Read", "runtime.goexit"],
                                                           inlined: form == .go12 ? [] : ["example.com/lib.parse", "strings.Cut"]))
        } + [("legacy-buildinfo.elf", SyntheticExecutable.legacyBuildInfo(version: "go1.17.13", modules: "path\texample.com/old\nmod\texample.com/old\t(devel)\t\ndep\tgolang.org/x/text\tv0.3.0\n=>\tgolang.org/x/text\tv0.3.7\t\n"))]
    }

    @Test func theSeedsAreWhatTheGeneratorsWrite() throws {
        if Golden.isRecording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            for seed in Self.seeds { try Data(seed.bytes).write(to: Self.directory.appendingPathComponent(seed.name)) }
            Issue.record("recorded \(Self.seeds.count) seeds in \(Self.directory.path); run again without DEPWATCH_RECORD=1")
            return
        }
        for seed in Self.seeds {
            let committed = try Data(contentsOf: Self.directory.appendingPathComponent(seed.name))
            #expect(Array(committed) == seed.bytes, "\(seed.name): re-record with DEPWATCH_RECORD=1")
        }
    }
}
