import DepwatchTestSupport
import Foundation
import Testing

/// Every input the fuzzer found a problem with (`Fuzz/regressions/TARGET/`), replayed through the same
/// harness `scripts/fuzz` runs (`depwatch-fuzz`, built without the fuzzer it runs each file once): each must
/// now be handled — an error is fine, a crash is not.
@Suite struct FuzzRegressionTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("Fuzz/regressions")
    static let targets = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    @Test func thereAreRegressionsToReplay() {
        #expect(!Self.targets.isEmpty)
    }

    @Test(arguments: targets)
    func everyFoundInputIsHandled(_ target: String) throws {
        let directory = Self.root.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { directory.appendingPathComponent($0).path }
        let harness = TestPaths.binary.deletingLastPathComponent().appendingPathComponent("depwatch-fuzz")
        let result = try CommandRun.run(harness, files, environment: ["DEPWATCH_FUZZ_TARGET": target, "SWIFT_BACKTRACE": "enable=no"])
        #expect(result.status == 0, "\(target): \(result.stderr.suffix(2000))")
    }
}
