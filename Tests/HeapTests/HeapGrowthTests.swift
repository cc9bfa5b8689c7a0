import DepwatchTestSupport
import Foundation
import Manifest
import Testing
@testable import Heap

/// Growth between snapshots of the leaking service's one process: the cache and the kept buffers grow at
/// every step, the ring (refilled, never larger) does not.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct HeapGrowthTests {
    static let snapshots = Result { try PprofReferenceTests.service.get().snapshots(3, name: "phases") }

    @Test func theLeakGrowsInEveryStepAndTheRingDoesNot() throws {
        let service = try PprofReferenceTests.service.get()
        let modules = ModuleMap(InventoryLoader.load([service.project]))
        let attributions = try Self.snapshots.get().map { path in
            let profile = try HeapProfileReader.read(path: path)
            return HeapAttribution(profile, sampleIndex: try #require(profile.sampleIndex("inuse_objects")), modules: modules, view: .owner)
        }
        let growth = HeapGrowth(attributions)
        #expect(growth.totals == attributions.map(\.total))
        let cache = try #require(growth.holders.first { $0.series.name == "github.com/bluele/gcache" })
        #expect(cache.series.grewEveryStep && cache.series.growth > 3800, "\(cache.series.values)")
        #expect(cache.series.values == attributions.map { a in a.shares.first { $0.holder.name == "github.com/bluele/gcache" }?.value ?? 0 })
        let ring = try #require(growth.holders.first { $0.series.name == "example.com/ring" })
        #expect(!ring.series.grewEveryStep && ring.series.growth == 0, "\(ring.series.values)")
        #expect(growth.holders.first?.series.growth ?? 0 >= cache.series.growth, "most grown first")
    }

    @Test func theCommandFlagsTheSteadyGrowerBesideItsAdvisory() throws {
        let service = try PprofReferenceTests.service.get()
        let paths = try Self.snapshots.get()
        let table = try HeapCommandTests.heap(["diff"] + paths + ["--project", service.project])
        #expect(table.status == 0, "\(table.stderr)")
        let line = try #require(table.stdout.split(separator: "\n").first { $0.contains("github.com/bluele/gcache v0.0.1") }, "\(table.stdout)")
        #expect(line.hasSuffix("grew in every step"))
        #expect(table.stdout.contains("known leak x_DEPWATCH-2021-0001"))
        #expect(!(table.stdout.split(separator: "\n").first { $0.contains("example.com/ring") }?.hasSuffix("grew in every step") ?? true))
        let json = try HeapCommandTests.heap(["diff"] + paths + ["--project", service.project, "--format", "json"])
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.heap-diff-1.schema.json").path
        #expect(try SchemaValidation.errors(of: json.stdout, schemaPath: schema, draft: 2020) == [])
        let one = try HeapCommandTests.heap(["diff", paths[0]])
        #expect(one.status == 64 && one.stderr.contains("at least one later one"), "a usage error")
    }
}
