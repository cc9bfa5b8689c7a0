/// Combines the runs of one step (`--runs N`) into the step's verdict: memory tests are noisy, so one
/// outlier run must not decide.
public enum StepVerdict {
    /// The verdict and value of a step from its runs' verdicts and values.
    ///
    /// With a metric, the median of the values the runs printed decides, when more than half the runs
    /// printed one; otherwise (and always with exit codes) the median verdict, ordering good < skip < bad,
    /// so that a single run decides alone, three runs by two of them, and an even split is a skip.
    public static func combine(_ runs: [(verdict: Verdict, value: Double?)], threshold: Judge.Threshold?) -> (verdict: Verdict, value: Double?) {
        let values = runs.compactMap(\.value)
        if let threshold, !values.isEmpty, values.count * 2 > runs.count {
            let value = median(values)
            return (threshold.verdict(value), value)
        }
        return (medianVerdict(runs.map(\.verdict)), nil)
    }

    /// The median of `values` (the mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func medianVerdict(_ verdicts: [Verdict]) -> Verdict {
        func rank(_ verdict: Verdict) -> Int { verdict == .good ? 0 : verdict == .skip ? 1 : 2 }
        let sorted = verdicts.sorted { rank($0) < rank($1) }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return sorted[middle - 1] == sorted[middle] ? sorted[middle] : .skip
    }
}
