import Foundation

/// How a run becomes a verdict.
public enum Judge: Sendable, Equatable {
    /// `git bisect run`'s contract: exit 0 good, 125 skip, 1–127 bad, 128 or above (or a signal) aborts.
    case exitCode
    /// The first capture group of `pattern` in the command's output (standard output first, then standard
    /// error), as a number, against a threshold. Exit 0 is needed; 125 skips; anything else is an error.
    case metric(pattern: String, threshold: Threshold)
    /// What module `focus` owns of the heap profile the test writes to `$DEPWATCH_HEAP_PROFILE`, against a
    /// threshold. Exit 0 is needed; 125 skips; anything else is an error.
    case heapProfile(focus: String, measure: HeapMeasure, threshold: Threshold)

    /// The threshold a value is judged against, for the judges that measure one.
    public var threshold: Threshold? {
        switch self {
        case .exitCode: nil
        case .metric(_, let threshold), .heapProfile(_, _, let threshold): threshold
        }
    }

    /// A metric's limit: `max` is good at or below it, `min` is good at or above it.
    public enum Threshold: Sendable, Equatable {
        /// Good when the value is at most this.
        case max(Double)
        /// Good when the value is at least this.
        case min(Double)

        /// The verdict for `value`.
        public func verdict(_ value: Double) -> Verdict {
            switch self {
            case .max(let limit): return value <= limit ? .good : .bad
            case .min(let limit): return value >= limit ? .good : .bad
            }
        }
    }

    /// What one run says.
    public enum RunJudgement: Sendable, Equatable {
        /// A verdict, with the metric's value when there is one.
        case verdict(Verdict, value: Double?)
        /// The run cannot be judged: the bisection stops with an error.
        case unjudgeable(String)
        /// The command asked to stop (exit 128+ or a signal).
        case abort(String)
    }

    /// Judges one run; `onTimeout` is the verdict a timed-out run gets; `heapProfile` is where the run
    /// was told to write its profile (`.heapProfile` judges only).
    public func judge(_ outcome: RunOutcome, onTimeout: Verdict, heapProfile: String? = nil) -> RunJudgement {
        switch outcome.termination {
        case .timedOut:
            return .verdict(onTimeout, value: nil)
        case .signaled(let signal):
            return .abort("killed by signal \(signal)")
        case .exited(let code) where code >= 128:
            return .abort("exit \(code) (128 or above stops a bisection, as in git bisect run)")
        case .exited(125):
            return .verdict(.skip, value: nil)
        case .exited(let code):
            return judgeExit(code, outcome, heapProfile: heapProfile)
        }
    }

    private func judgeExit(_ code: Int32, _ outcome: RunOutcome, heapProfile: String?) -> RunJudgement {
        switch self {
        case .exitCode:
            return .verdict(code == 0 ? .good : .bad, value: nil)
        case .metric(let pattern, let threshold):
            guard code == 0 else {
                return .unjudgeable("the command failed (exit \(code)); a metric test must exit 0, or 125 to skip a commit:\n\(outcome.outputTail)")
            }
            switch Self.metric(pattern, in: outcome.standardOutput) ?? Self.metric(pattern, in: outcome.standardError) {
            case .some(.success(let value)): return .verdict(threshold.verdict(value), value: value)
            case .some(.failure(let problem)): return .unjudgeable(problem.message)
            case .none:
                return .unjudgeable("the output has no match for --metric \(pattern), so there is no value to judge:\n\(outcome.outputTail)")
            }
        case .heapProfile(let focus, let measure, let threshold):
            guard code == 0 else {
                return .unjudgeable("the command failed (exit \(code)); a heap-profile test must exit 0, or 125 to skip a commit:\n\(outcome.outputTail)")
            }
            switch Self.heapValue(profile: heapProfile ?? "", focus: focus, measure: measure) {
            case .success(let value): return .verdict(threshold.verdict(value), value: value)
            case .failure(let problem): return .unjudgeable(problem.message)
            }
        }
    }

    /// The number the first capture group of `pattern` matches in `text`; `nil` when nothing matches.
    static func metric(_ pattern: String, in text: String) -> Result<Double, MetricProblem>? {
        guard let regex = try? Regex(pattern), let match = try? regex.firstMatch(in: text) else { return nil }
        guard match.output.count > 1, let captured = match.output[1].substring else {
            return .failure(MetricProblem("--metric \(pattern) matched, but has no capture group; put the number in parentheses"))
        }
        let digits = captured.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        guard let value = Double(digits.trimmingCharacters(in: .whitespaces)) else {
            return .failure(MetricProblem("--metric \(pattern) captured \"\(captured)\", which is not a number"))
        }
        return .success(value)
    }

    /// Whether `pattern` compiles as a regular expression with a capture group.
    public static func validate(pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
            return pattern.contains("(") ? nil : "--metric \(pattern) has no capture group; put the number in parentheses, e.g. 'objects: (\\d+)'"
        } catch {
            return "--metric \(pattern) is not a regular expression: \(error)"
        }
    }
}

/// Why a metric could not be read.
extension Judge {
    /// A metric without a needless fraction (`3`, `0.25`), as reports and commands write it.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

struct MetricProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
