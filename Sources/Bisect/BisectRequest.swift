/// Everything a bisection needs to know.
public struct BisectRequest: Sendable {
    /// A local clone of the dependency (work tree or bare).
    public var repository: String
    /// A revision where the problem is absent.
    public var good: String
    /// A revision where it is present.
    public var bad: String
    /// Bisect release tags only, ordered by version, instead of every commit.
    public var tagsOnly = false
    /// The project the dependency is wired into (a Go module gets a temporary go.mod; others read the
    /// environment). The command runs there; without it, in the current directory.
    public var project: String?
    /// The dependency's module path (default: the `module` line of its go.mod at the bad revision, else the good one).
    public var module: String?
    /// `--repo-url`: the dependency repository's public URL, for a recorded advisory's `GIT` range.
    public var repositoryURL: String?
    /// The test.
    public var command: TestCommand
    /// How a run becomes a verdict.
    public var judge: Judge = .exitCode
    /// Runs per step; the step's verdict is their median.
    public var runs = 1
    /// Seconds a run may take.
    public var timeout: Double?
    /// The verdict of a run that timed out (`skip` or `bad`).
    public var onTimeout: Verdict = .skip
    /// Where the temporary directories go (default: `$TMPDIR` or /tmp).
    public var temporaryDirectory: String?

    /// A request to bisect `repository` between `good` and `bad` with `command`.
    public init(repository: String, good: String, bad: String, command: TestCommand) {
        self.repository = repository
        self.good = good
        self.bad = bad
        self.command = command
    }
}
