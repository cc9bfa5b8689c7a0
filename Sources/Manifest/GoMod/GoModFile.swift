import Core

/// A module path and an optional version, as go.mod directives name them.
public struct GoModuleVersion: Sendable, Hashable, Codable {
    /// The module path (or, for a replacement, a local directory).
    public var path: String
    /// The canonical version, or `nil` when none was given.
    public var version: String?

    /// Creates a module version.
    public init(path: String, version: String?) {
        self.path = path
        self.version = version
    }
}

/// A `require` directive.
public struct GoRequirement: Sendable, Hashable {
    /// The module path.
    public var path: String
    /// The canonical version.
    public var version: String
    /// Whether the line carries `// indirect`.
    public var indirect: Bool
    /// The 1-based line of the directive.
    public var line: Int
}

/// An `exclude` directive.
public struct GoExclusion: Sendable, Hashable {
    /// The module path.
    public var path: String
    /// The canonical version excluded.
    public var version: String
    /// The 1-based line.
    public var line: Int
}

/// A `replace` directive: `old [version] => new [version]`.
public struct GoReplacement: Sendable, Hashable {
    /// The module replaced; `version` is `nil` for a module-wide replace.
    public var old: GoModuleVersion
    /// The replacement: a module at a version, or a local directory (`version` is then `nil`).
    public var new: GoModuleVersion
    /// The 1-based line.
    public var line: Int

    /// Whether the replacement is a local directory rather than a module.
    public var isLocal: Bool { GoReplacement.isDirectoryPath(new.path) }

    /// modfile's `IsDirectoryPath`: rooted, or starting with `.`/`..`, in Unix or Windows syntax.
    public static func isDirectoryPath(_ path: String) -> Bool {
        if path == "." || path == ".." { return true }
        for prefix in ["./", ".\\", "../", "..\\", "/", "\\"] where path.hasPrefix(prefix) { return true }
        let bytes = Array(path.utf8)
        return bytes.count >= 2 && bytes[1] == UInt8(ascii: ":")
            && ((bytes[0] >= 0x41 && bytes[0] <= 0x5A) || (bytes[0] >= 0x61 && bytes[0] <= 0x7A))
    }
}

/// A `retract` directive: one version, or the closed interval `[low, high]`.
public struct GoRetraction: Sendable, Hashable {
    /// The lowest version retracted.
    public var low: String
    /// The highest version retracted (equal to `low` for a single version).
    public var high: String
    /// The rationale: the comment on or above the directive.
    public var rationale: String
    /// The 1-based line.
    public var line: Int
}

/// A `godebug key=value` directive.
public struct GoDebugSetting: Sendable, Hashable {
    /// The setting's name.
    public var key: String
    /// Its value.
    public var value: String
    /// The 1-based line.
    public var line: Int
}

/// A parsed go.mod file: every directive the Go toolchain accepts.
public struct GoModFile: Sendable {
    /// The `module` path; `nil` when the file has no `module` directive (Go reads such a file; only the
    /// build refuses it).
    public var module: String?
    /// The line of the `module` directive.
    public var moduleLine: Int?
    /// The `// Deprecated:` message on the module directive, if any.
    public var deprecated: String?
    /// The `go` directive (a language version such as `1.21` or `1.21.5`).
    public var go: String?
    /// The `toolchain` directive (`go1.21.5`, or `default`).
    public var toolchain: String?
    /// The line of the `toolchain` directive.
    public var toolchainLine: Int?
    /// The `godebug` settings.
    public var godebug: [GoDebugSetting] = []
    /// The `require` directives, in file order.
    public var requirements: [GoRequirement] = []
    /// The `exclude` directives.
    public var exclusions: [GoExclusion] = []
    /// The `replace` directives.
    public var replacements: [GoReplacement] = []
    /// The `retract` directives.
    public var retractions: [GoRetraction] = []
    /// The `tool` directives (package paths).
    public var tools: [String] = []
    /// The `ignore` directives (directories).
    public var ignores: [String] = []

    /// An empty file.
    public init() {}
}

extension GoModFile {
    /// The warning for a go.mod without a `module` directive: its requirements are read and checked, but
    /// the go command will not build it until it names its module.
    public static func missingModuleWarning(path: String) -> Diagnostic {
        Diagnostic(.warning, .missingModule, path: path, line: 1, column: nil,
                   message: "no module directive: its requirements are checked, but `go build` refuses this go.mod; "
                       + "name the module: go mod edit -module=example.com/mod")
    }
}
