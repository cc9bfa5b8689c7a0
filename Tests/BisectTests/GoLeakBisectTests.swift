import Advisories
import Audit
import DepwatchTestSupport
import Foundation
import Testing
@testable import Bisect

/// The real case end to end: a generated Go module with a leak brought in at one commit and taken out at
/// a later one, wired into a service through a temporary go.mod, judged by counting heap objects with a
/// real Go toolchain, offline. The answer must be exact, within ⌈log₂ n⌉ + 2 runs, and nothing of the
/// user's may change.
@Suite(.serialized, .enabled(if: GoToolchain.binary != nil, "needs a Go toolchain: run scripts/setup"))
struct GoLeakBisectTests {
    static func request(_ fixture: LeakyCacheFixture, good: String, bad: String) throws -> BisectRequest {
        var request = BisectRequest(repository: fixture.library.path, good: good, bad: bad,
                                    command: TestCommand(LeakyCacheFixture.command(go: try #require(GoToolchain.binary)))!)
        request.project = fixture.project
        request.module = "example.com/lfu"
        request.judge = .metric(pattern: #"heap objects: (\d+)"#, threshold: .max(20_000))
        request.timeout = 120
        return request
    }

    static func ceilLog2(_ n: Int) -> Int {
        var steps = 0
        while (1 << steps) < n { steps += 1 }
        return steps
    }

    /// Bisects and checks what every bisection must leave as it was.
    static func bisect(_ fixture: LeakyCacheFixture, good: String, bad: String) async throws -> BisectResult {
        let repository = try Snapshot.files(below: fixture.library.path)
        let project = try Snapshot.files(below: fixture.project)
        let temporary = try TemporaryDirectory()
        var request = try request(fixture, good: good, bad: bad)
        request.temporaryDirectory = temporary.url.path
        let result = await Bisector(request).run()
        #expect(try Snapshot.files(below: fixture.library.path) == repository, "the dependency repository changed")
        #expect(try Snapshot.files(below: fixture.project) == project, "the project's files changed")
        #expect(Snapshot.entries(of: temporary.url.path).isEmpty, "temporary directories were left behind")
        #expect(result.runs.count <= ceilLog2(result.candidates) + 2, "\(result.runs.count) runs for \(result.candidates) candidates")
        return result
    }

    @Test func findsTheCommitThatFixedTheLeakAndRecordsIt() async throws {
        let fixture = try LeakyCacheFixture()
        let result = try await Self.bisect(fixture, good: "v0.6.0", bad: "v0.3.1")
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.direction == .fix)
        #expect(result.commit?.id == fixture.commits[LeakyCacheFixture.fix])
        #expect(result.commit?.tag == "v0.5.0")
        #expect(result.commit?.version.hasPrefix("v0.4.1-0.20210210101900-") == true)
        let bad = try #require(result.steps.first { $0.step == "bad endpoint" }?.value)
        let good = try #require(result.steps.first { $0.step == "good endpoint" }?.value)
        #expect(bad > 20_000 && good < 20_000, "heap objects: leaking \(bad), fixed \(good)")

        // --record: an OSV advisory that validates, and that an audit of the service then reports.
        let (id, json) = try AdvisoryRecord(id: nil, kind: .leak, summary: "example.com/lfu leaks empty frequency buckets",
                                            command: "go run ./memtest").advisory(for: result)
        let text = String(decoding: json, as: UTF8.self)
        let schema = TestPaths.shared.appendingPathComponent("schemas/osv-schema.json").path
        #expect(try SchemaValidation.errors(of: text, schemaPath: schema, draft: 2020) == [])
        #expect(text.contains("\"fixed\" : \"\(fixture.commits[LeakyCacheFixture.fix])\""))
        let (store, directory) = try TestStore.fresh()
        _ = try store.importAdvisories(from: [try directory.write("\(id).json", json)], strict: true)
        let audit = try Auditor.audit(AuditOptions(roots: [fixture.project], today: "2026-11-28"), index: AdvisoryIndex(store: store))
        let finding = try #require(audit.findings.first { $0.id == id })
        #expect(finding.package == "example.com/lfu")
        #expect(finding.kind == .leak)
        // Recorded as fixed at the earliest release that contains the fix, the version users move to.
        #expect(result.commit?.tag == "v0.5.0")
        #expect(finding.fixed == result.commit?.tag)
    }

    @Test func findsTheCommitThatIntroducedTheLeak() async throws {
        let fixture = try LeakyCacheFixture()
        let result = try await Self.bisect(fixture, good: "v0.1.0", bad: fixture.commits[LeakyCacheFixture.fix - 1])
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.direction == .regression)
        #expect(result.candidates == LeakyCacheFixture.fix - 1)
        #expect(result.commit?.id == fixture.commits[LeakyCacheFixture.leak])
        #expect(result.commit?.tag == "v0.3.1")
        #expect(result.commit?.summary == "lfu: simplify increment")
    }
}

/// The heap-profile judge on the same generated history: no regular expression, the value is what
/// example.com/lfu owns of the in-use objects in the profile the test writes to $DEPWATCH_HEAP_PROFILE.
/// A suite of its own, so that it runs beside the serialized one rather than after it.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs a Go toolchain: run scripts/setup"))
struct GoHeapJudgeTests {
    @Test func aHeapProfileJudgeFindsTheSameFix() async throws {
        let fixture = try LeakyCacheFixture()
        let repository = try Snapshot.files(below: fixture.library.path)
        var request = try GoLeakBisectTests.request(fixture, good: "v0.6.0", bad: "v0.4.0")
        request.judge = .heapProfile(focus: "example.com/lfu", measure: .objects, threshold: .max(5_000))
        let temporary = try TemporaryDirectory()
        request.temporaryDirectory = temporary.url.path
        let result = await Bisector(request).run()
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.commit?.id == fixture.commits[LeakyCacheFixture.fix])
        let bad = try #require(result.steps.first { $0.step == "bad endpoint" }?.value)
        let good = try #require(result.steps.first { $0.step == "good endpoint" }?.value)
        #expect(bad > 5_000 && good < 5_000, "objects owned by example.com/lfu: leaking \(bad), fixed \(good)")
        #expect(try Snapshot.files(below: fixture.library.path) == repository, "the dependency repository changed")
        #expect(Snapshot.entries(of: temporary.url.path).isEmpty, "temporary directories (and the profiles) were left behind")
    }
}
