import Advisories
import Core
import Manifest

/// What to audit and how.
public struct AuditOptions: Sendable {
    /// Files or directories to read manifests from, paths of `source`.
    public var roots: [String]
    /// Where the manifests are read: the file system, or a git tree at a revision.
    public var source: any ManifestSource
    /// The Go toolchain to check `stdlib` and `toolchain` advisories against, overriding `toolchain` directives.
    public var goVersion: String?
    /// The policy (ignores, denies, thresholds).
    public var policy: Policy
    /// `--fail-on`, overriding the policy's.
    public var failOn: FailThreshold?
    /// `--kinds`, overriding the policy's.
    public var kinds: Set<AdvisoryKind>?
    /// Today, `YYYY-MM-DD`, for ignore expiry.
    public var today: String
    /// Decides `GIT` ranges when the dependencies' repositories are at hand (`--repo-map`).
    public var gitRanges: (any GitRangeEvaluating)?
    /// Whether Go executables below a directory root are audited too (`--binaries`); a root that is
    /// an executable always is.
    public var binaries = false
    /// The inventory of `roots`, when the caller has read it already (`audit --packages` lists packages
    /// from it first); else the audit reads it.
    public var inventory: Inventory?
    /// The packages each Go module's code imports (go.mod path → import paths, from `GoPackageLister`):
    /// its findings get package-level reachability (`audit --packages`).
    public var importedPackages: [String: Set<String>] = [:]
    /// `--reachable-only`, overriding the policy's: findings absent from the build do not count toward failing.
    public var reachableOnly: Bool?

    /// Creates options.
    public init(roots: [String], source: any ManifestSource = FileSystemSource(), goVersion: String? = nil, policy: Policy = Policy(),
                failOn: FailThreshold? = nil, kinds: Set<AdvisoryKind>? = nil, today: String) {
        self.roots = roots
        self.source = source
        self.goVersion = goVersion
        self.policy = policy
        self.failOn = failOn
        self.kinds = kinds
        self.today = today
    }
}
