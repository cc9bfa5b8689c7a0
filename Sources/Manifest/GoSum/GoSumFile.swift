import Versions

/// One line of a go.sum or go.work.sum file: `module version[/go.mod] hash`.
public struct GoSumEntry: Sendable, Hashable {
    /// The module path.
    public var path: String
    /// The version, without the `/go.mod` suffix.
    public var version: String
    /// Whether the hash is of the module's go.mod only (`version/go.mod`) rather than its whole tree.
    public var isGoModOnly: Bool
    /// The hash, with its algorithm prefix (`h1:…`).
    public var hash: String
    /// The 1-based line.
    public var line: Int
}

/// A parsed go.sum (or go.work.sum) file.
public struct GoSumFile: Sendable {
    /// Every entry, in file order.
    public var entries: [GoSumEntry]

    /// For each module with at least one full-tree hash, its highest such version and that entry.
    public func highestFullVersions() -> [String: GoSumEntry] {
        // Each version parsed once (comparing the strings would parse both sides at every comparison).
        var best: [String: (entry: GoSumEntry, version: GoVersion?)] = [:]
        for entry in entries where !entry.isGoModOnly {
            let version = GoVersion(entry.version)
            if let current = best[entry.path], GoVersion.compare(current.version, version) >= 0 { continue }
            best[entry.path] = (entry, version)
        }
        return best.mapValues(\.entry)
    }
}

/// The highest full-tree version of each module a go.sum names, with the line it is on: what a go.mod
/// below go 1.17 takes its indirect dependencies from.
public struct GoSumVersions: Sendable {
    /// A module's version and line.
    public struct Pin: Sendable, Hashable {
        /// The version, without `/go.mod`.
        public var version: String
        /// The 1-based line.
        public var line: Int
    }

    /// Module path → its highest full-tree version.
    public var versions: [String: Pin]

    /// The versions gathered by a parse.
    public init(versions: [String: Pin]) {
        self.versions = versions
    }

    /// The versions of a parsed file.
    public init(_ file: GoSumFile) {
        versions = file.highestFullVersions().mapValues { Pin(version: $0.version, line: $0.line) }
    }
}
