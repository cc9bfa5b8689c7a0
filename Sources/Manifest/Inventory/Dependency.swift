/// Where a dependency's build input comes from; decides whether it has a version to check.
public enum DependencySource: String, Sendable, Hashable, Codable {
    /// A released or pseudo-version of a module or package.
    case version
    /// A directory on disk (a Go `replace` to a path, a workspace module, a local Swift package).
    case local
    /// A Swift branch pin (with the revision it resolved to).
    case branch
    /// A Swift revision pin, with no version.
    case revision
    /// A Swift package registry pin.
    case registry
    /// A Go module known only from go.sum (go.mod below go 1.17 lists no complete indirect set).
    case gosum
}

/// The requirement as the manifest wrote it, before a `replace` changed it.
public struct RequestedVersion: Sendable, Hashable, Codable {
    /// The module path or package required.
    public var package: String
    /// The version required.
    public var version: String?

    /// Creates a requirement.
    public init(package: String, version: String?) {
        self.package = package
        self.version = version
    }
}

/// One dependency as it gets built: after `replace`, with the place that pins it.
public struct Dependency: Sendable, Hashable, Codable {
    /// The module path (Go) or normalized location (Swift) of what gets built.
    public var package: String
    /// The version that gets built, or `nil` when there is none (local, branch, revision).
    public var version: String?
    /// Whether the project requires it itself; `nil` when the manifest does not say.
    public var direct: Bool?
    /// The 1-based line that pins it.
    public var line: Int?
    /// The file that pins it, when not the manifest itself (go.sum for `gosum` dependencies).
    public var file: String?
    /// Where it comes from.
    public var source: DependencySource
    /// The original requirement, when a `replace` changed it.
    public var requested: RequestedVersion?
    /// The commit id, for Swift pins.
    public var revision: String?
    /// The branch, for Swift branch pins.
    public var branch: String?
    /// The directory, for a local dependency.
    public var directory: String?

    /// Creates a dependency.
    public init(package: String, version: String?, direct: Bool?, line: Int?, file: String? = nil,
                source: DependencySource, requested: RequestedVersion? = nil, revision: String? = nil,
                branch: String? = nil, directory: String? = nil) {
        self.package = package
        self.version = version
        self.direct = direct
        self.line = line
        self.file = file
        self.source = source
        self.requested = requested
        self.revision = revision
        self.branch = branch
        self.directory = directory
    }

    private enum CodingKeys: String, CodingKey {
        case package, version, direct, line, file, source, requested, revision, branch, directory
    }

    /// Encodes every key of `depwatch.deps/1`, `null` included; `file` and `directory` only when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(package, forKey: .package)
        try c.encode(version, forKey: .version)
        try c.encode(direct, forKey: .direct)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(file, forKey: .file)
        try c.encode(source, forKey: .source)
        try c.encode(requested, forKey: .requested)
        try c.encode(revision, forKey: .revision)
        try c.encode(branch, forKey: .branch)
        try c.encodeIfPresent(directory, forKey: .directory)
    }
}
