import Dispatch

/// Reads every manifest below a set of paths into one inventory. One bad manifest does not stop the
/// others: its problems land in `errors`.
public struct InventoryLoader {
    private var inventory = Inventory()
    private var workspaceOf: [String: GoWorkspaceContext] = [:]
    private var readGoMods: Set<String> = []
    private var parsedGoMods: [String: Result<ParsedGoModule, ManifestError>] = [:]

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
        parsedGoMods = Self.parseInParallel(found.filter { $0.kind == .goMod }.map(\.path))
        for workspace in found where workspace.kind == .goWork { loadWorkspace(workspace.path) }
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

    private mutating func loadWorkspace(_ path: String) {
        let work: GoWorkFile
        do {
            work = try GoWorkParser.parse(ManifestFile.read(path), path: path)
            try Self.readSum(PathName.join(PathName.directory(of: path), "go.work.sum"))
        } catch {
            return inventory.errors += error.diagnostics
        }
        let base = PathName.directory(of: path)
        var uses: [WorkspaceModule] = []
        var members: [(goMod: String, directory: String)] = []
        var modules: [String: String] = [:]
        for use in work.uses {
            let directory = PathName.join(base, use.directory)
            let goMod = PathName.join(directory, "go.mod")
            guard ManifestFile.exists(goMod) else {
                let problem = ManifestFile.exists(directory) ? "the directory has no go.mod" : "the directory does not exist"
                inventory.warnings.append(Diagnostic(.warning, path: path, line: use.line, column: nil,
                    message: "use \(use.directory): \(problem); skipped"))
                uses.append(WorkspaceModule(path: use.directory, line: use.line, module: nil))
                continue
            }
            let module = try? GoModParser.parse(ManifestFile.read(goMod), path: goMod).module
            if let module { modules[module] = use.directory }
            uses.append(WorkspaceModule(path: use.directory, line: use.line, module: module))
            members.append((goMod, use.directory))
        }
        let context = GoWorkspaceContext(path: path, replacements: work.replacements, modules: modules)
        for member in members { workspaceOf[member.goMod] = context }
        inventory.manifests.append(ManifestInventory(path: path, ecosystem: .go, go: work.go, toolchain: work.toolchain,
                                                     uses: uses, dependencies: []))
        for member in members { loadGoMod(member.goMod) }
    }

    private mutating func loadGoMod(_ path: String) {
        guard readGoMods.insert(path).inserted else { return }
        switch parsedGoMods[path] ?? Self.parseGoModule(path) {
        case .failure(let error):
            inventory.errors += error.diagnostics
        case .success(let parsed):
            let graph = GoModuleGraph(file: parsed.file, path: path, sum: parsed.sum, workspace: workspaceOf[path])
            if !parsed.hasSum, graph.listsIncompleteIndirects, !parsed.file.requirements.isEmpty, workspaceOf[path] == nil {
                inventory.warnings.append(Diagnostic(.warning, path: path, line: nil, column: nil,
                    message: "no go.sum beside a go.mod below go 1.17: its indirect dependencies cannot be listed; run `go mod tidy`"))
            }
            inventory.manifests.append(graph.inventory())
        }
    }

    /// A go.mod and the go.sum beside it, parsed.
    struct ParsedGoModule: Sendable {
        var file: GoModFile
        /// The go.sum's entries, when the go.mod needs them (below go 1.17).
        var sum: (file: GoSumFile, path: String)?
        /// Whether a go.sum exists beside it.
        var hasSum: Bool
    }

    static func parseGoModule(_ path: String) -> Result<ParsedGoModule, ManifestError> {
        do throws(ManifestError) {
            let file = try GoModParser.parse(ManifestFile.read(path), path: path)
            let sumPath = PathName.join(PathName.directory(of: path), "go.sum")
            // Below go 1.17 the go.sum completes the dependency list; from 1.17 on it is only checked.
            if GoModuleGraph(file: file, path: path).listsIncompleteIndirects {
                let sum = try readSum(sumPath).map { (file: $0, path: sumPath) }
                return .success(ParsedGoModule(file: file, sum: sum, hasSum: sum != nil))
            }
            let hasSum = ManifestFile.exists(sumPath)
            if hasSum { try GoSumParser.validate(ManifestFile.read(sumPath), path: sumPath) }
            return .success(ParsedGoModule(file: file, sum: nil, hasSum: hasSum))
        } catch {
            return .failure(error)
        }
    }

    /// Reads and parses go.mod files (with their go.sum) on every core.
    static func parseInParallel(_ paths: [String]) -> [String: Result<ParsedGoModule, ManifestError>] {
        var results = [Result<ParsedGoModule, ManifestError>?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                output[index] = parseGoModule(paths[index])
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, results.map { $0! }))
    }

    @discardableResult
    private static func readSum(_ path: String) throws(ManifestError) -> GoSumFile? {
        guard ManifestFile.exists(path) else { return nil }
        return try GoSumParser.parse(ManifestFile.read(path), path: path)
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
