import Report
import DepwatchTestSupport
import Foundation
import Testing
@testable import Bisect

/// Bisections of real git histories with shell tests: skips, ambiguity, endpoints that agree, timeouts,
/// a missing metric, medians of several runs, a bare repository, release tags, and fixes.
@Suite struct BisectScenarioTests {
    /// Runs with a private temporary directory, which must be empty afterwards.
    static func bisect(_ request: BisectRequest) async throws -> BisectResult {
        let temporary = try TemporaryDirectory()
        var request = request
        request.temporaryDirectory = temporary.url.path
        let result = await Bisector(request).run()
        #expect(Snapshot.entries(of: temporary.url.path).isEmpty, "temporary directories were left behind")
        return result
    }

    @Test func exitCodesWithSkipsFindTheFirstBadCommit() async throws {
        let history = try StateHistory(count: 24, firstBad: 13, overrides: [7: "skip", 11: "skip", 17: "skip"])
        let before = try history.snapshot()
        let result = try await Self.bisect(history.request(good: 0, bad: 23))
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.direction == .regression)
        #expect(result.commit?.id == history.commits[13])
        #expect(result.candidates == 23)
        #expect(result.steps.contains { $0.verdict == .skip })
        #expect(try history.snapshot() == before, "the dependency repository changed")
    }

    @Test func skipsBesideTheAnswerGiveTheCandidates() async throws {
        let history = try StateHistory(count: 20, firstBad: 13, overrides: [12: "skip", 13: "skip"])
        let result = try await Self.bisect(history.request(good: 0, bad: 19))
        #expect(result.status == .ambiguous)
        #expect(result.possibleCommits.map(\.id) == [12, 13, 14].map { history.commits[$0] })
        #expect((try BisectReport(result).text(as: .table)).contains("Ambiguous"))
    }

    @Test func endpointsThatAgreeStopAfterTwoRuns() async throws {
        let history = try StateHistory(count: 6, firstBad: 99)
        let result = try await Self.bisect(history.request(good: 0, bad: 5))
        #expect(result.status == .failed)
        #expect(result.error?.contains("both endpoints are good") == true)
        #expect(result.runs.count == 2)
    }

    @Test func aTimedOutRunIsSkippedAndItsProcessGroupStopped() async throws {
        let history = try StateHistory(count: 16, firstBad: 9, overrides: [7: "hang 60.4242"])
        var request = history.request(good: 0, bad: 15)
        // An ordinary run (a shell `case`) takes a few milliseconds, but on CI's two cores, loaded by the Go
        // builds of other tests, one took over 0.5 s and another over 2 s (both timeouts failed there): 8 s
        // is the margin, and each test waits out one hang only. The hang would last 60 s.
        request.timeout = 8
        let result = try await Self.bisect(request)
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.commit?.id == history.commits[9])
        let timedOut = try #require(result.runs.first { $0.ended == "timed out" })
        #expect(timedOut.verdict == .skip)
        #expect(timedOut.seconds < 20, "the hung run was not cut at the timeout: \(timedOut.seconds) s")
        let survivors = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "sleep 60.4242"])
        #expect(survivors.stdout.isEmpty, "the timed-out command still runs: \(survivors.stdout)")
    }

    @Test func aTimeoutCanBeJudgedBad() async throws {
        // Only the bad endpoint hangs: one timeout to wait out, judged bad.
        let history = try StateHistory(count: 8, firstBad: 5, overrides: [7: "hang 30.4343"])
        var request = history.request(good: 0, bad: 7)
        request.timeout = 8  // see aTimedOutRunIsSkippedAndItsProcessGroupStopped: ordinary runs took over 2 s on CI
        request.onTimeout = .bad
        let result = try await Self.bisect(request)
        #expect(result.commit?.id == history.commits[5], "\(result.error ?? "")")
        #expect(result.runs.contains { $0.ended == "timed out" && $0.verdict == .bad })
    }

    @Test func aCommandThatPrintsNoMetricIsAnError() async throws {
        let history = try StateHistory(count: 6, firstBad: 3)
        var request = history.request(good: 0, bad: 5, command: TestCommand(["/bin/echo", "nothing to see"])!)
        request.judge = .metric(pattern: #"objects: (\d+)"#, threshold: .max(100))
        let result = try await Self.bisect(request)
        #expect(result.status == .failed)
        #expect(result.error?.contains("no match for --metric") == true)
        #expect(result.runs.count == 1)
    }

    @Test func threeRunsPerStepAreJudgedByTheirMedian() async throws {
        // Every third run of a good commit is an outlier above the threshold; one run per step would be misled.
        let history = try StateHistory(count: 24, firstBad: 15)
        let counter = try TemporaryDirectory()
        let command = TestCommand(["/bin/sh", "-c", """
            n=$(cat "\(counter.path("n"))" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "\(counter.path("n"))"
            if [ "$(cat "$DEPWATCH_SOURCE/state")" = bad ]; then echo "objects: 90000"
            elif [ $((n % 3)) -eq 0 ]; then echo "objects: 85000"
            else echo "objects: 1000"; fi
            """])!
        var request = history.request(good: 0, bad: 23, command: command)
        request.judge = .metric(pattern: #"objects: (\d+)"#, threshold: .max(20_000))
        request.runs = 3
        let result = try await Self.bisect(request)
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.commit?.id == history.commits[15])
        #expect(result.runs.count == 3 * result.steps.count)
        #expect(result.steps.allSatisfy { $0.value == 1000 || $0.value == 90000 })
    }

    @Test func aBareRepositoryWorksAsWell() async throws {
        let history = try StateHistory(count: 10, firstBad: 4)
        let bare = history.fixture.directory.path("bare.git")
        try history.fixture.git("clone", "-q", "--bare", history.fixture.path, bare)
        var request = history.request(good: 0, bad: 9)
        request.repository = bare
        let result = try await Self.bisect(request)
        #expect(result.commit?.id == history.commits[4], "\(result.error ?? "")")
    }

    @Test func tagsModeTestsReleasesOnly() async throws {
        let tags = [0: "v0.1.0", 4: "v0.2.0", 8: "v0.3.0", 12: "v0.3.1", 16: "v0.4.0", 20: "v1.0.0"]
        let history = try StateHistory(count: 22, firstBad: 10, tags: tags)
        var request = history.request(good: 0, bad: 21)
        request.tagsOnly = true
        let result = try await Self.bisect(request)
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.commit?.id == history.commits[12])
        #expect(result.commit?.version == "v0.3.1")
        let tagged = Set(tags.keys.map { history.commits[$0] } + [history.commits[21]])
        #expect(result.runs.allSatisfy { tagged.contains($0.commit) })
        #expect(result.candidates == 6)
    }

    @Test func aBadOlderRevisionLooksForTheFix() async throws {
        let history = try StateHistory(count: 24, firstBad: 0, overrides: Dictionary(uniqueKeysWithValues: (17..<24).map { ($0, "good") }),
                                       tags: [5: "v0.2.0", 20: "v0.3.0"])
        let result = try await Self.bisect(history.request(good: 23, bad: 2))
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.direction == .fix)
        #expect(result.commit?.id == history.commits[17])
        #expect(result.commit?.tag == "v0.3.0")
        #expect(result.commit?.version.hasPrefix("v0.2.1-0.20210118100000-") == true)
        #expect((try BisectReport(result).text(as: .table)).contains("First good commit (the fix)"))
    }

    @Test func unrelatedOrEqualEndpointsAreErrors() async throws {
        let history = try StateHistory(count: 3, firstBad: 1)
        let same = try await Self.bisect(history.request(good: 1, bad: 1))
        #expect(same.error?.contains("the same commit") == true)
        var missing = history.request(good: 0, bad: 2)
        missing.bad = "no-such-branch"
        let failed = try await Self.bisect(missing)
        #expect(failed.status == .failed)
        #expect(failed.error?.contains("no-such-branch") == true)
    }

    @Test func theJSONAnswerValidatesAgainstItsSchema() async throws {
        let history = try StateHistory(count: 12, firstBad: 6, tags: [0: "v0.1.0", 9: "v0.2.0"])
        let result = try await Self.bisect(history.request(good: 0, bad: 11))
        let json = try BisectReport(result).text(as: .json)
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/depwatch.bisect-1.schema.json").path
        #expect(try SchemaValidation.errors(of: json, schemaPath: schema, draft: 2020) == [])
        let decoded = try JSONDecoder().decode(BisectResult.self, from: Data(json.utf8))
        #expect(decoded == result)
    }

    @Test func whatATestWritesIntoTheSourceIsGoneAtTheNextStep() async throws {
        // README is the same in every commit; the test checks it and the absence of its own marker, then
        // scribbles on both and deletes the counter — a leftover from an earlier step aborts the bisection.
        let history = try StateHistory(count: 20, firstBad: 11)
        let result = try await Self.bisect(history.request(good: 0, bad: 19, command: TestCommand(["/bin/sh", "-c", """
            cd "$DEPWATCH_SOURCE"
            if [ -e extra ] || [ ! -e n ] || [ "$(cat README)" != pristine ]; then exit 200; fi
            echo scribbled > README; echo leftover > extra; rm n
            [ "$(cat state)" = good ]
            """])!))
        #expect(result.status == .found, "\(result.error ?? "")")
        #expect(result.commit?.id == history.commits[11])
    }
}
