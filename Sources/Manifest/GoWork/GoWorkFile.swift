/// A `use` directive of a go.work file.
public struct GoWorkUse: Sendable, Hashable {
    /// The directory, as written (relative to the go.work file's directory unless absolute).
    public var directory: String
    /// The 1-based line.
    public var line: Int
}

/// A parsed go.work file.
public struct GoWorkFile: Sendable {
    /// The `go` directive.
    public var go: String?
    /// The `toolchain` directive.
    public var toolchain: String?
    /// The `godebug` settings.
    public var godebug: [GoDebugSetting] = []
    /// The module directories the workspace uses.
    public var uses: [GoWorkUse] = []
    /// Workspace-wide `replace` directives; they override the modules' own.
    public var replacements: [GoReplacement] = []

    /// An empty workspace.
    public init() {}
}
