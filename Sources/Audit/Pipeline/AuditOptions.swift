import Advisories

/// What to audit and how.
public struct AuditOptions: Sendable {
    /// Files or directories to read manifests from.
    public var roots: [String]
    /// The Go toolchain to check `stdlib` and `toolchain` advisories against, overriding `toolchain` directives.
    public var goVersion: String?
    /// The policy (ignores, denies, thresholds).
    public var policy: Policy
    /// `--fail-on`, overriding the policy's.
    public var failOn: FailThreshold?
    /// `--kinds`, overriding the policy's.
    public var kinds: Set<String>?
    /// Today, `YYYY-MM-DD`, for ignore expiry.
    public var today: String
    /// Decides `GIT` ranges when the dependencies' repositories are at hand (`--repo-map`).
    public var gitRanges: (any GitRangeEvaluating)?

    /// Creates options.
    public init(roots: [String], goVersion: String? = nil, policy: Policy = Policy(), failOn: FailThreshold? = nil,
                kinds: Set<String>? = nil, today: String) {
        self.roots = roots
        self.goVersion = goVersion
        self.policy = policy
        self.failOn = failOn
        self.kinds = kinds
        self.today = today
    }
}
