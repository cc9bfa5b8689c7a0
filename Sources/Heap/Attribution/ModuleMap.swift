import Core
import Manifest

/// The Go modules a project builds, by the import path their symbols carry, for attributing frames: the
/// main modules (go.mod's `module`, a workspace's members) and every dependency, a replaced one under its
/// original path with what is built in its place.
public struct ModuleMap: Sendable {
    /// One module the build contains.
    public struct Module: Sendable, Hashable {
        /// The import path its packages' symbols start with.
        public var path: String
        /// The module built for it: itself, or a `replace`'s target.
        public var built: String
        /// The version built (`nil` for a main module or a directory).
        public var version: String?
        /// Whether it is one of the project's own modules.
        public var isMain: Bool
        /// The go.mod that pins it.
        public var manifest: String

        /// A module of the build.
        public init(path: String, built: String, version: String?, isMain: Bool, manifest: String) {
            (self.path, self.built, self.version, self.isMain, self.manifest) = (path, built, version, isMain, manifest)
        }
    }

    /// The modules by import path.
    public private(set) var modules: [String: Module] = [:]

    /// The modules of the project's go.mod files (go.work members through the inventory).
    public init(_ inventory: Inventory) {
        for manifest in inventory.manifests where manifest.ecosystem == .go {
            if let module = manifest.module {
                modules[module] = modules[module] ?? Module(path: module, built: module, version: nil, isMain: true, manifest: manifest.path)
            }
            for dependency in manifest.dependencies where modules[dependency.requested?.package ?? dependency.package] == nil {
                let path = dependency.requested?.package ?? dependency.package
                modules[path] = Module(path: path, built: dependency.directory ?? dependency.package, version: dependency.version,
                                       isMain: false, manifest: manifest.path)
            }
        }
    }

    /// The modules given.
    public init(_ modules: [Module]) {
        for module in modules { self.modules[module.path] = module }
    }

    /// The module whose path is the longest prefix of `package` at a path boundary.
    public func module(containing package: String) -> Module? {
        var candidate = Substring(package)
        while true {
            if let module = modules[String(candidate)] { return module }
            guard let slash = candidate.lastIndex(of: "/") else { return nil }
            candidate = candidate[..<slash]
        }
    }
}
