import Testing
@testable import Bisect

/// How runs become verdicts: git bisect run's exit-code contract, metrics, timeouts and medians.
@Suite struct JudgeTests {
    static func outcome(_ termination: RunOutcome.Termination, _ output: String = "", _ error: String = "") -> RunOutcome {
        RunOutcome(termination: termination, standardOutput: output, standardError: error, seconds: 0.1)
    }

    @Test(arguments: [
        (RunOutcome.Termination.exited(0), Judge.RunJudgement.verdict(.good, value: nil)),
        (.exited(1), .verdict(.bad, value: nil)),
        (.exited(127), .verdict(.bad, value: nil)),
        (.exited(125), .verdict(.skip, value: nil)),
        (.timedOut, .verdict(.skip, value: nil)),
    ])
    func exitCodes(_ termination: RunOutcome.Termination, _ expected: Judge.RunJudgement) {
        #expect(Judge.exitCode.judge(Self.outcome(termination), onTimeout: .skip) == expected)
    }

    @Test(arguments: [RunOutcome.Termination.exited(128), .exited(255), .signaled(9)])
    func exit128AndAboveOrASignalAborts(_ termination: RunOutcome.Termination) {
        guard case .abort = Judge.exitCode.judge(Self.outcome(termination), onTimeout: .skip) else {
            Issue.record("\(termination) should abort")
            return
        }
    }

    @Test func aTimeoutCanCountAsBad() {
        #expect(Judge.exitCode.judge(Self.outcome(.timedOut), onTimeout: .bad) == .verdict(.bad, value: nil))
    }

    static let objects = Judge.metric(pattern: #"heap objects: ([0-9,]+)"#, threshold: .max(20_000))

    @Test(arguments: [
        ("heap objects: 1103\n", Judge.RunJudgement.verdict(.good, value: 1103)),
        ("warming up\nheap objects: 142,118\n", .verdict(.bad, value: 142_118)),
        ("heap objects: 20000", .verdict(.good, value: 20_000)),
    ])
    func metricAgainstAMaximum(_ output: String, _ expected: Judge.RunJudgement) {
        #expect(Self.objects.judge(Self.outcome(.exited(0), output), onTimeout: .skip) == expected)
    }

    @Test func aMetricOnStandardErrorCounts() {
        #expect(Self.objects.judge(Self.outcome(.exited(0), "", "heap objects: 5\n"), onTimeout: .skip) == .verdict(.good, value: 5))
    }

    @Test func aMinimumIsGoodAtOrAbove() {
        let throughput = Judge.metric(pattern: #"ops/s: (\d+(?:\.\d+)?)"#, threshold: .min(1000))
        #expect(throughput.judge(Self.outcome(.exited(0), "ops/s: 999.5"), onTimeout: .skip) == .verdict(.bad, value: 999.5))
        #expect(throughput.judge(Self.outcome(.exited(0), "ops/s: 1000"), onTimeout: .skip) == .verdict(.good, value: 1000))
    }

    @Test(arguments: ["no numbers here", ""])
    func noMetricIsAnErrorNotAVerdict(_ output: String) {
        guard case .unjudgeable(let reason) = Self.objects.judge(Self.outcome(.exited(0), output), onTimeout: .skip) else {
            Issue.record("a run without the metric must not be judged")
            return
        }
        #expect(reason.contains("no match for --metric"))
    }

    @Test func aFailingMetricCommandIsAnErrorAnd125Skips() {
        guard case .unjudgeable(let reason) = Self.objects.judge(Self.outcome(.exited(1), "build failed"), onTimeout: .skip) else {
            Issue.record("exit 1 with a metric judge must not be a verdict")
            return
        }
        #expect(reason.contains("exit 1"))
        #expect(Self.objects.judge(Self.outcome(.exited(125)), onTimeout: .skip) == .verdict(.skip, value: nil))
    }

    @Test(arguments: ["heap objects: \\d+", "(unclosed"])
    func patternsWithoutACaptureGroupOrThatDoNotCompileAreRejected(_ pattern: String) {
        #expect(Judge.validate(pattern: pattern) != nil)
    }

    @Test func theMedianOfThreeRunsDecides() {
        let runs: [(verdict: Verdict, value: Double?)] = [(.bad, 30_000), (.good, 1_000), (.good, 1_200)]
        let combined = StepVerdict.combine(runs, threshold: .max(20_000))
        #expect(combined.verdict == .good)
        #expect(combined.value == 1_200)
    }

    @Test(arguments: [
        ([Verdict.good], Verdict.good),
        ([.good, .bad, .bad], .bad),
        ([.good, .skip, .bad], .skip),
        ([.good, .bad], .skip),
        ([.skip, .skip, .good], .skip),
    ])
    func exitCodeRunsCombineByTheirMedian(_ verdicts: [Verdict], _ expected: Verdict) {
        #expect(StepVerdict.combine(verdicts.map { ($0, nil) }, threshold: nil).verdict == expected)
    }
}
