import Core
import Dispatch

/// Reads every manifest below a set of paths of a source into one inventory. One bad manifest does not
/// stop the others: its problems land in `errors`, named by the source's display paths; the inventory's
/// paths are the source's.
public struct InventoryLoader {
    private let source: any ManifestSource
    private var inventory = Inventory()
    private var workspaceOf: [String: GoWorkspaceContext] = [:]
    private var readGoMods: Set<String> = []
    private var loadedGoMods: [String: Result<LoadedGoModule, ManifestError>] = [:]

    private init(source: any ManifestSource) {
        self.source = source
    }

    /// The inventory of everything found below `roots` in `source`; with `binaries`, also of every Go
    /// executable below a directory root (a root that is an executable is always read).
    public static func load(_ roots: [String], from source: any ManifestSource = FileSystemSource(), binaries: Bool = false) -> Inventory {
        var loader = InventoryLoader(source: source)
        return loader.load(roots, binaries: binaries)
    }

    private mutating func load(_ roots: [String], binaries: Bool) -> Inventory {
        let (found, errors, warnings) = ManifestDiscovery.find(roots, in: source, binaries: binaries)
        inventory.errors += errors
        inventory.warnings += warnings
        // Every go.mod, workspace members included, is read and parsed once, on every core; the ones
        // outside a workspace are resolved there too. A member's resolution needs its workspace's module
        // names, which come from the members' own go.mod files: members are resolved after the pass.
        var workspaces = found.filter { $0.kind == .goWork }.map { Self.readWorkspace($0.path, source) }
        let members = Set(workspaces.flatMap(\.members))
        let goMods = Array(Set(found.filter { $0.kind == .goMod }.map(\.path)).union(members))
        let resolvedFiles = found.filter { $0.kind == .packageResolved }.map(\.path)
        let (read, resolved) = Self.readInParallel(goMods, members: members, packageResolved: resolvedFiles, source: source)
        for index in workspaces.indices {
            workspaces[index].complete { path in if case .parsed(.success(let parsed))? = read[path] { parsed.file.module } else { nil } }
            for member in workspaces[index].members where workspaceOf[member] == nil { workspaceOf[member] = workspaces[index].context }
        }
        for (path, item) in read {
            switch item {
            case .loaded(let loaded): loadedGoMods[path] = loaded
            case .parsed(let parsed): loadedGoMods[path] = parsed.map { Self.resolve($0, workspace: workspaceOf[path]) }
            }
        }
        for workspace in workspaces { add(workspace) }
        for manifest in found {
            switch manifest.kind {
            case .goMod: loadGoMod(manifest.path)
            case .packageResolved: add(resolved[manifest.path])
            case .goWork: break
            case .goBinary: addBinary(manifest)
            }
        }
        inventory.manifests.sort { $0.path < $1.path }
        return inventory
    }

    /// A go.work as read: its manifest, its problems, and the go.mod files of its members.
    struct WorkspaceRead {
        var path: String
        var work: GoWorkFile?
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        /// Each `use`: the directory as written, its line, and its go.mod when it has one.
        var uses: [(directory: String, line: Int, goMod: String?)] = []
        var manifest: ManifestInventory?
        var context: GoWorkspaceContext?

        /// The go.mod files of the members.
        var members: [String] { uses.compactMap(\.goMod) }

        /// Builds the manifest and the context once the members' module paths are known.
        mutating func complete(moduleOf: (String) -> String?) {
            guard let work else { return }
            var modules: [String: String] = [:]
            let listed = uses.map { use -> WorkspaceModule in
                let module = use.goMod.flatMap(moduleOf)
                if let module { modules[module] = use.directory }
                return WorkspaceModule(path: use.directory, line: use.line, module: module)
            }
            context = GoWorkspaceContext(path: path, replacements: work.replacements, modules: modules)
            manifest = ManifestInventory(path: path, ecosystem: .go, go: work.go, toolchain: work.toolchain,
                                         uses: listed, dependencies: [])
        }
    }

    private static func readWorkspace(_ path: String, _ source: any ManifestSource) -> WorkspaceRead {
        var read = WorkspaceRead(path: path)
        let shown = source.displayPath(path)
        do {
            read.work = try GoWorkParser.parse(source.text(path), path: shown)
            try validateSum(PathName.join(PathName.directory(of: path), "go.work.sum"), source)
        } catch {
            read.work = nil
            read.errors = error.diagnostics
            return read
        }
        let base = PathName.directory(of: path)
        for use in read.work?.uses ?? [] {
            let directory = PathName.join(base, use.directory)
            let goMod = PathName.join(directory, "go.mod")
            guard source.exists(goMod) else {
                let problem = source.exists(directory) ? "the directory has no go.mod" : "the directory does not exist"
                read.warnings.append(Diagnostic(.warning, .skippedWorkspaceUse, path: shown, line: use.line, column: nil,
                    message: "use \(use.directory): \(problem); skipped"))
                read.uses.append((use.directory, use.line, nil))
                continue
            }
            read.uses.append((use.directory, use.line, goMod))
        }
        return read
    }

    private mutating func add(_ workspace: WorkspaceRead) {
        inventory.errors += workspace.errors
        inventory.warnings += workspace.warnings
        if let manifest = workspace.manifest { inventory.manifests.append(manifest) }
        for member in workspace.members { loadGoMod(member) }
    }

    private mutating func addBinary(_ found: ManifestDiscovery.Found) {
        switch BinaryInventory.load(found.path, shown: source.displayPath(found.path), named: found.named) {
        case .success(let manifest)?: inventory.manifests.append(manifest)
        case .failure(let problem)?: inventory.errors.append(problem)
        case nil: break
        }
    }

    private mutating func loadGoMod(_ path: String) {
        guard readGoMods.insert(path).inserted, let loaded = loadedGoMods[path] else { return }
        switch loaded {
        case .failure(let error):
            inventory.errors += error.diagnostics
        case .success(let loaded):
            if loaded.inventory.module == nil {
                inventory.warnings.append(GoModFile.missingModuleWarning(path: source.displayPath(path)))
            }
            if loaded.lacksSum {
                inventory.warnings.append(Diagnostic(.warning, .missingGoSum, path: source.displayPath(path), line: nil, column: nil,
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

    /// A parsed go.mod resolved into its dependency list.
    static func resolve(_ parsed: ParsedGoModule, workspace: GoWorkspaceContext?) -> LoadedGoModule {
        let graph = GoModuleGraph(file: parsed.file, path: parsed.path, sumVersions: parsed.sum, workspace: workspace)
        let lacksSum = !parsed.hasSum && graph.listsIncompleteIndirects && !parsed.file.requirements.isEmpty && workspace == nil
        return LoadedGoModule(inventory: graph.inventory(), lacksSum: lacksSum)
    }

    /// A go.mod and the go.sum beside it, parsed.
    struct ParsedGoModule: Sendable {
        /// The go.mod's path.
        var path: String
        var file: GoModFile
        /// The go.sum's highest versions, when the go.mod needs them (below go 1.17).
        var sum: (versions: GoSumVersions, path: String)?
        /// Whether a go.sum exists beside it.
        var hasSum: Bool
    }

    static func parseGoModule(_ path: String, _ source: any ManifestSource) -> Result<ParsedGoModule, ManifestError> {
        do throws(ManifestError) {
            let file = try GoModParser.parse(source.text(path), path: source.displayPath(path))
            let sumPath = PathName.join(PathName.directory(of: path), "go.sum")
            let sumShown = source.displayPath(sumPath)
            // Below go 1.17 the go.sum completes the dependency list; from 1.17 on it is only checked.
            if GoModuleGraph(file: file, path: path).listsIncompleteIndirects {
                let sum = source.exists(sumPath)
                    ? (versions: try GoSumParser.highestFullVersions(utf8: source.utf8(sumPath), path: sumShown), path: sumPath) : nil
                return .success(ParsedGoModule(path: path, file: file, sum: sum, hasSum: sum != nil))
            }
            let hasSum = source.exists(sumPath)
            if hasSum { try GoSumParser.validate(utf8: source.utf8(sumPath), path: sumShown) }
            return .success(ParsedGoModule(path: path, file: file, sum: nil, hasSum: hasSum))
        } catch {
            return .failure(error)
        }
    }

    /// A go.mod after the parallel pass: resolved, or (a workspace member) only parsed.
    enum GoModRead: Sendable {
        case loaded(Result<LoadedGoModule, ManifestError>)
        case parsed(Result<ParsedGoModule, ManifestError>)
    }

    /// Reads and parses go.mod files (with their go.sum) and Package.resolved files on every core, in one
    /// pass (the Package.resolved files, read after the Go pass, were a serial tail of the load), resolving
    /// every go.mod but the workspace `members`.
    static func readInParallel(_ goMods: [String], members: Set<String>, packageResolved: [String], source: any ManifestSource)
        -> (goMods: [String: GoModRead], packageResolved: [String: Result<ManifestInventory, ManifestError>]) {
        enum Read { case goMod(GoModRead), packageResolved(Result<ManifestInventory, ManifestError>) }
        let paths = goMods + packageResolved
        let results = paths.indices.concurrentMap { index -> Read in
            let path = paths[index]
            guard index < goMods.count else { return .packageResolved(readPackageResolved(path, source)) }
            let parsed = parseGoModule(path, source)
            return .goMod(members.contains(path) ? .parsed(parsed) : .loaded(parsed.map { resolve($0, workspace: nil) }))
        }
        var goModReads: [String: GoModRead] = [:]
        var resolvedReads: [String: Result<ManifestInventory, ManifestError>] = [:]
        for (path, read) in zip(paths, results) {
            switch read {
            case .goMod(let read): goModReads[path] = read
            case .packageResolved(let read): resolvedReads[path] = read
            }
        }
        return (goModReads, resolvedReads)
    }

    /// Checks a go.sum-format file when it exists (a go.work.sum lists nothing the inventory uses).
    private static func validateSum(_ path: String, _ source: any ManifestSource) throws(ManifestError) {
        guard source.exists(path) else { return }
        try GoSumParser.validate(utf8: source.utf8(path), path: source.displayPath(path))
    }

    private static func readPackageResolved(_ path: String, _ source: any ManifestSource) -> Result<ManifestInventory, ManifestError> {
        do throws(ManifestError) {
            let file = try PackageResolvedParser.parse(source.text(path), path: source.displayPath(path))
            let packageSwift = PathName.join(PathName.directory(of: path), "Package.swift")
            let direct = (try? source.text(packageSwift)).map(PackageSwiftDeclarations.packages(in:))
            return .success(SwiftPins.inventory(file, path: path, directPackages: direct))
        } catch {
            return .failure(error)
        }
    }

    private mutating func add(_ packageResolved: Result<ManifestInventory, ManifestError>?) {
        switch packageResolved {
        case .success(let manifest)?: inventory.manifests.append(manifest)
        case .failure(let error)?: inventory.errors += error.diagnostics
        case nil: break
        }
    }
}
