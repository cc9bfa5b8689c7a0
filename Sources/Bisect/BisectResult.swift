/// What a bisection found, with every run it made.
public struct BisectResult: Sendable, Codable, Equatable {
    /// Which way the problem went between the endpoints.
    public enum Direction: String, Sendable, Codable {
        /// The good revision is the older: looking for the first bad commit.
        case regression
        /// The bad revision is the older: looking for the first good commit.
        case fix
    }

    /// How the bisection ended.
    public enum Status: String, Sendable, Codable {
        /// One commit is the answer.
        case found
        /// Skipped commits leave several candidates.
        case ambiguous
        /// It stopped with an error (see `error`).
        case failed
        /// SIGINT or SIGTERM stopped it.
        case interrupted
    }

    /// One run of the test.
    public struct Run: Sendable, Codable, Equatable {
        /// `good endpoint`, `bad endpoint`, or the step number.
        public var step: String
        /// The commit tested.
        public var commit: String
        /// Its tag or pseudo-version.
        public var version: String
        /// Which of the step's runs (1-based).
        public var run: Int
        /// The metric, when the judge reads one.
        public var value: Double?
        /// This run's verdict (`nil` when it could not be judged).
        public var verdict: Verdict?
        /// How the run ended, in words (`exit 0`, `timed out`, `signal 9`).
        public var ended: String
        /// Wall-clock seconds.
        public var seconds: Double
    }

    /// The verdict of one step (the median of its runs).
    public struct Step: Sendable, Codable, Equatable {
        /// `good endpoint`, `bad endpoint`, or the step number.
        public var step: String
        /// The commit tested.
        public var commit: String
        /// The step's verdict.
        public var verdict: Verdict
        /// The median metric, when there is one.
        public var value: Double?
    }

    /// `depwatch.bisect/1`.
    public var schema = "depwatch.bisect/1"
    /// How it ended.
    public var status: Status
    /// The error, when it failed or was interrupted.
    public var error: String?
    /// Regression or fix.
    public var direction: Direction?
    /// The dependency's repository as a URL (`RepositoryURL`: `--repo-url`, `origin`, the module path's host,
    /// else a file URL of the clone).
    public var repository: String?
    /// Why `repository` is only a local path, when it is.
    public var repositoryWarning: String?
    /// What the candidates were.
    public enum Unit: String, Sendable, Codable {
        /// Every commit between the endpoints.
        case commit
        /// Release tags only (`--tags`).
        case release
    }

    /// `commit`, or `release` with `--tags`.
    public var unit = Unit.commit
    /// With `--tags`: the release on the other side of the answer (the last good before a regression's
    /// first bad release, the last bad before a fix's first good one).
    public var neighbour: CommitInfo?
    /// The module path of the dependency, when known.
    public var module: String?
    /// The good endpoint.
    public var good: CommitInfo?
    /// The bad endpoint.
    public var bad: CommitInfo?
    /// How many candidates lay between the endpoints (after the older, up to the newer).
    public var candidates: Int
    /// ⌈log₂ candidates⌉: the steps a bisection of them needs without skips.
    public var expectedSteps: Int
    /// The first bad commit (regression) or first good commit (fix).
    public var commit: CommitInfo?
    /// When ambiguous: the commits that may be the answer, oldest first.
    public var possibleCommits: [CommitInfo] = []
    /// Every step's verdict, in order.
    public var steps: [Step] = []
    /// Every run, in order.
    public var runs: [Run] = []
    /// Seconds from start to end.
    public var seconds: Double = 0

    private enum CodingKeys: String, CodingKey {
        case schema, status, error, direction, repository, module, good, bad, candidates
        case expectedSteps = "expected_steps", commit, possibleCommits = "possible_commits", steps, runs, seconds
        case unit, neighbour = "neighbouring_release", repositoryWarning = "repository_warning"
    }
}
