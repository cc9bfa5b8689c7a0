import Core

/// A module as a Go binary's build information names it: path, version, and the go.sum hash of its zip.
public struct GoModuleVersion: Sendable, Hashable, Codable {
    /// The module path (or, for a directory replacement, the directory).
    public var path: String
    /// The version; `(devel)` for a directory replacement and for a main module built from a work tree.
    public var version: String
    /// The `h1:` hash, when the build had one.
    public var sum: String?

    /// Creates a module line.
    public init(path: String, version: String, sum: String? = nil) {
        self.path = path
        self.version = version
        self.sum = sum
    }
}

/// A module in the build: as required, and what a `replace` built in its place.
public struct GoBuiltModule: Sendable, Hashable, Codable {
    /// The module as required (its import path and required version).
    public var module: GoModuleVersion
    /// The replacement that was built instead, if any (`=>` line).
    public var replacement: GoModuleVersion?

    /// Creates a built module.
    public init(module: GoModuleVersion, replacement: GoModuleVersion? = nil) {
        self.module = module
        self.replacement = replacement
    }

    /// What was compiled: the replacement when there is one.
    public var built: GoModuleVersion { replacement ?? module }
}

/// A `build` setting (`GOOS=linux`, `-trimpath=true`, `vcs.revision=…`), in the order the binary lists them.
public struct GoBuildSetting: Sendable, Hashable, Codable {
    /// The key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates a setting.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// What a Go binary says about its build, as `go version -m` prints it: the toolchain, the main package
/// and module, every module built in (after replace), and the build settings.
public struct GoBuildInfo: Sendable, Hashable, Codable {
    /// The toolchain that built it (`go1.22.4`, or a `devel …` string).
    public var goVersion: String
    /// The main package's import path (`path` line), when recorded.
    public var path: String?
    /// The main module (`mod` line), when the binary was built in module mode.
    public var main: GoBuiltModule?
    /// The other modules, in the binary's order (`dep` lines, each with its `=>` replacement).
    public var dependencies: [GoBuiltModule]
    /// The build settings.
    public var settings: [GoBuildSetting]

    /// Creates build information.
    public init(goVersion: String, path: String? = nil, main: GoBuiltModule? = nil, dependencies: [GoBuiltModule] = [], settings: [GoBuildSetting] = []) {
        self.goVersion = goVersion
        self.path = path
        self.main = main
        self.dependencies = dependencies
        self.settings = settings
    }

    /// The value of the build setting `key` (the last one, as Go reads repeated keys).
    public func setting(_ key: String) -> String? {
        settings.last { $0.key == key }?.value
    }
}

extension GoBuildInfo {
    /// The build information as `go version -m` prints it below the file's name (each line without its
    /// leading tab): `path`, `mod`, `dep` and `=>` lines, then `build` lines with keys and values quoted as
    /// Go quotes them.
    public var moduleInfoLines: [String] {
        var lines: [String] = []
        if let path { lines.append("path\t\(path)") }
        func add(_ kind: String, _ module: GoBuiltModule) {
            // As Go writes it: a replaced module's line ends at its version, its sum is the replacement's.
            lines.append(Self.line(kind, module.module, sum: module.replacement == nil))
            if let replacement = module.replacement { lines.append(Self.line("=>", replacement, sum: true)) }
        }
        if let main { add("mod", main) }
        for dependency in dependencies { add("dep", dependency) }
        for setting in settings {
            let key = setting.key.isEmpty || setting.key.contains(where: { "= \t\r\n\"`".contains($0) }) ? GoStringLiteral.quote(setting.key) : setting.key
            let value = setting.value.contains(where: { " \t\r\n\"`".contains($0) }) ? GoStringLiteral.quote(setting.value) : setting.value
            lines.append("build\t\(key)=\(value)")
        }
        return lines
    }

    private static func line(_ kind: String, _ module: GoModuleVersion, sum: Bool) -> String {
        "\(kind)\t\(module.path)\t\(module.version)" + (sum ? "\t\(module.sum ?? "")" : "")
    }
}
