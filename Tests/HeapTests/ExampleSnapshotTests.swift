import DepwatchTestSupport
import Foundation
import Manifest
import Testing
@testable import Heap

/// The README's snapshots, examples/gcache-service/heap-1.pb.gz … heap-3.pb.gz: three moments of the
/// leaking test service's one process (HeapGrowthTests' phases), committed so that `depwatch heap diff`
/// has something to show without a Go toolchain. This test keeps them honest: what each committed
/// snapshot says gcache, the ring and the service own is what a fresh run of the service says (within 1 %). `DEPWATCH_RECORD=1` writes fresh
/// ones in their place.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct ExampleSnapshotTests {
    static let committed = (1...3).map { TestPaths.packageRoot.appendingPathComponent("examples/gcache-service/heap-\($0).pb.gz") }

    @Test func theCommittedSnapshotsAreWhatTheServiceWrites() throws {
        let fresh = try HeapGrowthTests.snapshots.get()
        if Golden.isRecording {
            for (source, target) in zip(fresh, Self.committed) {
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: target)
            }
            Issue.record("recorded \(Self.committed.map(\.lastPathComponent)); run again without DEPWATCH_RECORD=1")
            return
        }
        let modules = ModuleMap(InventoryLoader.load([try PprofReferenceTests.service.get().project]))
        let owned = { (path: String) throws -> [String: Int64] in
            let profile = try HeapProfileReader.read(path: path)
            let attribution = HeapAttribution(profile, sampleIndex: try #require(profile.sampleIndex("inuse_objects")), modules: modules, view: .owner)
            return Dictionary(attribution.shares.map { ($0.holder.name, $0.value) }) { $0 + $1 }
        }
        // Within 1 %: the runtime's own maps may allocate a bucket more or less from run to run.
        func close(_ a: Int64?, _ b: Int64?) -> Bool { guard let a, let b else { return false }; return abs(a - b) * 100 <= max(a, b) }
        for (committed, path) in zip(Self.committed, fresh) {
            let expected = try owned(path), actual = try owned(committed.path)
            for holder in ["github.com/bluele/gcache", "example.com/ring", "example.com/svc"] {
                #expect(close(actual[holder], expected[holder]), "\(committed.lastPathComponent) \(holder): \(actual[holder] ?? 0) vs \(expected[holder] ?? 0); re-record with DEPWATCH_RECORD=1")
            }
        }
    }
}
