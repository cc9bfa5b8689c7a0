import Versions

/// What a Go workspace contributes to one of its modules: its own `replace` directives (which
/// override the module's) and the modules it uses (which replace any requirement on them).
public struct GoWorkspaceContext: Sendable {
    /// The go.work path, as the user gave it.
    public var path: String
    /// The workspace's `replace` directives.
    public var replacements: [GoReplacement]
    /// Module path → the directory (as written in go.work) of each module the workspace uses.
    public var modules: [String: String]

    /// Creates a workspace context.
    public init(path: String, replacements: [GoReplacement], modules: [String: String]) {
        self.path = path
        self.replacements = replacements
        self.modules = modules
    }
}

/// Turns a parsed go.mod (with its go.sum and workspace) into the dependencies that get built,
/// applying `replace` as the go command does.
public struct GoModuleGraph {
    /// The go.mod.
    public var file: GoModFile
    /// The go.mod's path, as the user gave it.
    public var path: String
    /// The go.sum beside it (the highest full-tree version of each module), with its path, if there is one.
    public var sum: (versions: GoSumVersions, path: String)?
    /// The workspace the module belongs to, if any.
    public var workspace: GoWorkspaceContext?

    /// Creates a graph.
    public init(file: GoModFile, path: String, sum: (file: GoSumFile, path: String)? = nil, workspace: GoWorkspaceContext? = nil) {
        self.init(file: file, path: path, sumVersions: sum.map { (GoSumVersions($0.file), $0.path) }, workspace: workspace)
    }

    /// Creates a graph from the go.sum's versions already gathered (`GoSumParser.highestFullVersions`).
    public init(file: GoModFile, path: String, sumVersions: (versions: GoSumVersions, path: String)?, workspace: GoWorkspaceContext? = nil) {
        self.file = file
        self.path = path
        self.sum = sumVersions
        self.workspace = workspace
    }

    /// Whether the go.mod predates complete indirect requirements (no `go` directive, or below 1.17).
    public var listsIncompleteIndirects: Bool {
        guard let go = file.go else { return true }
        return GoLanguageVersion.isBelow(go, major: 1, minor: 17)
    }

    /// The inventory: requirements after replacement, then (below go 1.17) modules known only from go.sum.
    public func inventory() -> ManifestInventory {
        var dependencies = file.requirements.map { requirement in
            resolve(path: requirement.path, version: requirement.version, direct: !requirement.indirect,
                    line: requirement.line, file: nil, source: .version)
        }
        if listsIncompleteIndirects, let sum {
            dependencies += sumOnlyModules(sum.versions, sumPath: sum.path)
        }
        return ManifestInventory(path: path, ecosystem: .go, module: file.module, go: file.go, toolchain: file.toolchain,
                                 toolchainLine: file.toolchainLine, workspace: workspace?.path, dependencies: dependencies)
    }

    /// The replacement that applies to `path@version`: the workspace's first, then the module's;
    /// within each, a version-specific replace beats a module-wide one.
    public func replacement(for path: String, version: String) -> GoReplacement? {
        for replacements in [workspace?.replacements ?? [], file.replacements] {
            if let exact = replacements.last(where: { $0.old.path == path && $0.old.version == version }) { return exact }
            if let wide = replacements.last(where: { $0.old.path == path && $0.old.version == nil }) { return wide }
        }
        return nil
    }

    private func resolve(path: String, version: String, direct: Bool, line: Int, file: String?,
                         source: DependencySource) -> Dependency {
        let requested = RequestedVersion(package: path, version: version)
        if let directory = workspace?.modules[path] {
            return Dependency(package: path, version: nil, direct: direct, line: line, file: file, source: .local,
                              requested: requested, directory: directory)
        }
        guard let replacement = replacement(for: path, version: version) else {
            return Dependency(package: path, version: version, direct: direct, line: line, file: file, source: source)
        }
        if replacement.isLocal {
            return Dependency(package: path, version: nil, direct: direct, line: line, file: file, source: .local,
                              requested: requested, directory: replacement.new.path)
        }
        return Dependency(package: replacement.new.path, version: replacement.new.version, direct: direct, line: line,
                          file: file, source: source, requested: requested)
    }

    private func sumOnlyModules(_ sum: GoSumVersions, sumPath: String) -> [Dependency] {
        var known = Set(file.requirements.map(\.path))
        known.insert(file.module ?? "")
        let replacementTargets = Set((file.replacements + (workspace?.replacements ?? [])).map(\.new.path))
        return sum.versions
            .filter { !known.contains($0.key) && !replacementTargets.contains($0.key) }
            .sorted { $0.value.line < $1.value.line }
            .map { resolve(path: $0.key, version: $0.value.version, direct: false, line: $0.value.line,
                           file: sumPath, source: .gosum) }
    }
}
