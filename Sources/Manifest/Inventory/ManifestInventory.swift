import Core
import GoBinary

/// How a Go binary was built, as its build information says (the inventory of a binary only).
public struct BinaryBuild: Sendable, Hashable, Codable {
    /// ELF, Mach-O or PE.
    public var format: ExecutableFormat
    /// The GOARCH of each image.
    public var architectures: [String]
    /// The toolchain that built it.
    public var goVersion: String
    /// The main package's import path.
    public var mainPackage: String?
    /// The build settings (GOOS, GOARCH, CGO_ENABLED, -trimpath, vcs.revision, …), in the binary's order.
    public var settings: [GoBuildSetting]

    /// Creates the build description.
    public init(format: ExecutableFormat, architectures: [String], goVersion: String, mainPackage: String?, settings: [GoBuildSetting]) {
        self.format = format
        self.architectures = architectures
        self.goVersion = goVersion
        self.mainPackage = mainPackage
        self.settings = settings
    }

    private enum CodingKeys: String, CodingKey {
        case format, architectures, goVersion = "go_version", mainPackage = "main_package", settings
    }
}

/// A module a go.work file uses.
public struct WorkspaceModule: Sendable, Hashable, Codable {
    /// The directory, as the go.work file names it.
    public var path: String
    /// The `use` line.
    public var line: Int
    /// The module path declared in its go.mod, when it could be read.
    public var module: String?
}

/// The dependencies one manifest pins.
public struct ManifestInventory: Sendable, Hashable, Codable {
    /// The manifest's path, as the user gave it (relative where the input was relative).
    public var path: String
    /// Its ecosystem.
    public var ecosystem: Ecosystem
    /// The Go module path (go.mod only).
    public var module: String?
    /// The `go` directive.
    public var go: String?
    /// The `toolchain` directive.
    public var toolchain: String?
    /// The line of the `toolchain` directive (not part of `depwatch.deps/1`).
    public var toolchainLine: Int?
    /// The go.work file whose workspace this go.mod belongs to, if any.
    public var workspace: String?
    /// The modules a go.work uses (go.work only).
    public var uses: [WorkspaceModule]?
    /// The dependencies, in file order.
    public var dependencies: [Dependency]
    /// How the binary was built (a Go binary's inventory only).
    public var binary: BinaryBuild?

    /// Creates an inventory for one manifest.
    public init(path: String, ecosystem: Ecosystem, module: String? = nil, go: String? = nil, toolchain: String? = nil,
                toolchainLine: Int? = nil, workspace: String? = nil, uses: [WorkspaceModule]? = nil, dependencies: [Dependency],
                binary: BinaryBuild? = nil) {
        self.binary = binary
        self.toolchainLine = toolchainLine
        self.path = path
        self.ecosystem = ecosystem
        self.module = module
        self.go = go
        self.toolchain = toolchain
        self.workspace = workspace
        self.uses = uses
        self.dependencies = dependencies
    }

    private enum CodingKeys: String, CodingKey {
        case path, ecosystem, module, go, toolchain, workspace, uses, dependencies, binary
    }

    /// Encodes the keys of `depwatch.deps/1` (`null` included); `workspace`, `uses` and `binary` only when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(ecosystem, forKey: .ecosystem)
        try c.encode(module, forKey: .module)
        try c.encode(go, forKey: .go)
        try c.encode(toolchain, forKey: .toolchain)
        try c.encodeIfPresent(workspace, forKey: .workspace)
        try c.encodeIfPresent(uses, forKey: .uses)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encodeIfPresent(binary, forKey: .binary)
    }
}

/// Everything read from a set of paths: one inventory per manifest, and the problems met on the way.
public struct Inventory: Sendable {
    /// The manifests read, sorted by path.
    public var manifests: [ManifestInventory]
    /// Manifests that could not be read or parsed (each one's first problem and the rest).
    public var errors: [Diagnostic]
    /// Problems that did not stop a manifest from being read.
    public var warnings: [Diagnostic]

    /// Creates an inventory.
    public init(manifests: [ManifestInventory] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = []) {
        self.manifests = manifests
        self.errors = errors
        self.warnings = warnings
    }
}
