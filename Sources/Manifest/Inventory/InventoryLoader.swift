import Dispatch

/// Reads every manifest below a set of paths into one inventory. One bad manifest does not stop the
/// others: its problems land in `errors`.
public struct InventoryLoader {
    private var inventory = Inventory()
    private var workspaceOf: [String: GoWorkspaceContext] = [:]
    private var readGoMods: Set<String> = []
    private var loadedGoMods: [String: Result<LoadedGoModule, ManifestError>] = [:]

    /// Creates a loader.
    public init() {}

    /// The inventory of everything found below `roots`.
    public static func load(_ roots: [String]) -> Inventory {
        var loader = InventoryLoader()
        return loader.load(roots)
    }

    private mutating func load(_ roots: [String]) -> Inventory {
        let (found, errors, warnings) = ManifestDiscovery.find(roots)
        inventory.errors += errors
        inventory.warnings += warnings
        // Workspaces first (few and small): their members' dependency lists depend on them. Then every
        // go.mod is parsed and resolved on every core; the results are added in discovery order.
        let workspaces = found.filter { $0.kind == .goWork }.map { Self.readWorkspace($0.path) }
        for workspace in workspaces {
            for member in workspace.members where workspaceOf[member] == nil { workspaceOf[member] = workspace.context }
        }
        let goMods = found.filter { $0.kind == .goMod }.map(\.path) + workspaces.flatMap(\.members)
        loadedGoMods = Self.loadInParallel(Array(Set(goMods)), workspaceOf: workspaceOf)
        for workspace in workspaces { add(workspace) }
        for manifest in found {
            switch manifest.kind {
            case .goMod: loadGoMod(manifest.path)
            case .packageResolved: loadPackageResolved(manifest.path)
            case .goWork: break
            }
        }
        inventory.manifests.sort { $0.path < $1.path }
        return inventory
    }

    /// A go.work as read: its manifest, its problems, and the go.mod files of its members.
    struct WorkspaceRead {
        var manifest: ManifestInventory?
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var members: [String] = []
        var context: GoWorkspaceContext?
    }

    private static func readWorkspace(_ path: String) -> WorkspaceRead {
        var read = WorkspaceRead()
        let work: GoWorkFile
        do {
            work = try GoWorkParser.parse(ManifestFile.read(path), path: path)
            try validateSum(PathName.join(PathName.directory(of: path), "go.work.sum"))
        } catch {
            read.errors = error.diagnostics
            return read
        }
        let base = PathName.directory(of: path)
        var uses: [WorkspaceModule] = []
        var modules: [String: String] = [:]
        for use in work.uses {
            let directory = PathName.join(base, use.directory)
            let goMod = PathName.join(directory, "go.mod")
            guard ManifestFile.exists(goMod) else {
                let problem = ManifestFile.exists(directory) ? "the directory has no go.mod" : "the directory does not exist"
                read.warnings.append(Diagnostic(.warning, path: path, line: use.line, column: nil,
                    message: "use \(use.directory): \(problem); skipped"))
                uses.append(WorkspaceModule(path: use.directory, line: use.line, module: nil))
                continue
            }
            let module = try? GoModParser.parse(ManifestFile.read(goMod), path: goMod).module
            if let module { modules[module] = use.directory }
            uses.append(WorkspaceModule(path: use.directory, line: use.line, module: module))
            read.members.append(goMod)
        }
        read.context = GoWorkspaceContext(path: path, replacements: work.replacements, modules: modules)
        read.manifest = ManifestInventory(path: path, ecosystem: .go, go: work.go, toolchain: work.toolchain,
                                          uses: uses, dependencies: [])
        return read
    }

    private mutating func add(_ workspace: WorkspaceRead) {
        inventory.errors += workspace.errors
        inventory.warnings += workspace.warnings
        if let manifest = workspace.manifest { inventory.manifests.append(manifest) }
        for member in workspace.members { loadGoMod(member) }
    }

    private mutating func loadGoMod(_ path: String) {
        guard readGoMods.insert(path).inserted else { return }
        switch loadedGoMods[path] ?? Self.loadGoModule(path, workspace: workspaceOf[path]) {
        case .failure(let error):
            inventory.errors += error.diagnostics
        case .success(let loaded):
            if loaded.lacksSum {
                inventory.warnings.append(Diagnostic(.warning, path: path, line: nil, column: nil,
                    message: "no go.sum beside a go.mod below go 1.17: its indirect dependencies cannot be listed; run `go mod tidy`"))
            }
            inventory.manifests.append(loaded.inventory)
        }
    }

    /// A go.mod resolved into its dependency list.
    struct LoadedGoModule: Sendable {
        var inventory: ManifestInventory
        /// Below go 1.17, outside a workspace, with requirements and no go.sum to list the indirect ones.
        var lacksSum: Bool
    }

    static func loadGoModule(_ path: String, workspace: GoWorkspaceContext?) -> Result<LoadedGoModule, ManifestError> {
        parseGoModule(path).map { parsed in
            let graph = GoModuleGraph(file: parsed.file, path: path, sumVersions: parsed.sum, workspace: workspace)
            let lacksSum = !parsed.hasSum && graph.listsIncompleteIndirects && !parsed.file.requirements.isEmpty && workspace == nil
            return LoadedGoModule(inventory: graph.inventory(), lacksSum: lacksSum)
        }
    }

    /// A go.mod and the go.sum beside it, parsed.
    struct ParsedGoModule: Sendable {
        var file: GoModFile
        /// The go.sum's highest versions, when the go.mod needs them (below go 1.17).
        var sum: (versions: GoSumVersions, path: String)?
        /// Whether a go.sum exists beside it.
        var hasSum: Bool
    }

    static func parseGoModule(_ path: String) -> Result<ParsedGoModule, ManifestError> {
        do throws(ManifestError) {
            let file = try GoModParser.parse(ManifestFile.read(path), path: path)
            let sumPath = PathName.join(PathName.directory(of: path), "go.sum")
            // Below go 1.17 the go.sum completes the dependency list; from 1.17 on it is only checked.
            if GoModuleGraph(file: file, path: path).listsIncompleteIndirects {
                let sum = ManifestFile.exists(sumPath)
                    ? (versions: try GoSumParser.highestFullVersions(ManifestFile.read(sumPath), path: sumPath), path: sumPath) : nil
                return .success(ParsedGoModule(file: file, sum: sum, hasSum: sum != nil))
            }
            let hasSum = ManifestFile.exists(sumPath)
            if hasSum { try GoSumParser.validate(ManifestFile.read(sumPath), path: sumPath) }
            return .success(ParsedGoModule(file: file, sum: nil, hasSum: hasSum))
        } catch {
            return .failure(error)
        }
    }

    /// Reads, parses and resolves go.mod files (with their go.sum) on every core.
    static func loadInParallel(_ paths: [String], workspaceOf: [String: GoWorkspaceContext])
        -> [String: Result<LoadedGoModule, ManifestError>] {
        var results = [Result<LoadedGoModule, ManifestError>?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                output[index] = loadGoModule(paths[index], workspace: workspaceOf[paths[index]])
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, results.map { $0! }))
    }

    /// Checks a go.sum-format file when it exists (a go.work.sum lists nothing the inventory uses).
    private static func validateSum(_ path: String) throws(ManifestError) {
        guard ManifestFile.exists(path) else { return }
        try GoSumParser.validate(ManifestFile.read(path), path: path)
    }

    private mutating func loadPackageResolved(_ path: String) {
        do {
            let file = try PackageResolvedParser.parse(ManifestFile.read(path), path: path)
            let packageSwift = PathName.join(PathName.directory(of: path), "Package.swift")
            let direct = (try? ManifestFile.read(packageSwift)).map(PackageSwiftDeclarations.packages(in:))
            inventory.manifests.append(SwiftPins.inventory(file, path: path, directPackages: direct))
        } catch {
            inventory.errors += error.diagnostics
        }
    }
}
