/// What one test run, or one step, says about a commit.
public enum Verdict: String, Sendable, Codable, Hashable {
    /// The problem is absent.
    case good
    /// The problem is present.
    case bad
    /// The commit cannot be judged (exit 125, a timeout with `--on-timeout skip`, a tie between runs).
    case skip
}
