import Core
import GoBinary

/// Finds the manifests below the paths a user names, in a source: every go.mod, go.work and
/// Package.resolved, skipping `.git`, `.build`, `vendor`, `node_modules` and `testdata`, following symbolic
/// links to directories at most once each (so a link loop ends). A file named by the user that is an
/// executable (by its magic number) is a Go binary to read; below a directory, executables are looked for
/// only when asked (`binaries`), since that opens every file.
public enum ManifestDiscovery {
    /// Directory names never descended into.
    public static let skippedDirectories: Set<String> = [".git", ".build", "vendor", "node_modules", "testdata"]

    /// A manifest found in a source.
    public struct Found: Sendable, Hashable {
        /// Its path in the source, joined from what the user gave.
        public var path: String
        /// Its kind.
        public var kind: ManifestKind
        /// Whether the user named it (a binary found in a folder that Go did not build is skipped quietly;
        /// one named is an error).
        public var named = false
    }

    /// The manifests below `roots` in `source`, sorted by path; the roots that could not be used (errors);
    /// the directories below them that could not be listed, and manifest names that are not regular files
    /// (warnings: never a silent miss).
    public static func find(_ roots: [String], in source: some ManifestSource = FileSystemSource(), binaries: Bool = false)
        -> (found: [Found], errors: [Diagnostic], warnings: [Diagnostic]) {
        var walker = Walker(source: source, binaries: binaries)
        var errors: [Diagnostic] = []
        for root in roots {
            switch source.item(at: root) {
            case nil:
                errors += ManifestError.notFound(path: source.displayPath(root)).diagnostics
            case .directory where ManifestKind(fileName: PathName.base(of: root)) != nil:
                // `audit go.mod` where go.mod is a directory: what was named is not the file it names.
                errors += ManifestError.unreadable(path: source.displayPath(root),
                                                   reason: "it is a directory, not a \(PathName.base(of: root)) file").diagnostics
            case .directory:
                walker.walk(PathName.clean(root))
            case .file?, .other?:
                if let kind = ManifestKind(fileName: PathName.base(of: root)) {
                    walker.found.insert(Found(path: PathName.clean(root), kind: kind))
                } else if isExecutable(root, source) {
                    walker.found.insert(Found(path: PathName.clean(root), kind: .goBinary, named: true))
                } else {
                    errors += ManifestError.unknownKind(path: source.displayPath(root)).diagnostics
                }
            }
        }
        return (walker.found.sorted { $0.path < $1.path }, errors, walker.warnings)
    }

    /// Whether the file starts as an executable depwatch reads.
    static func isExecutable(_ path: String, _ source: some ManifestSource) -> Bool {
        source.prefix(of: path, count: 8).map(GoBinary.looksExecutable) ?? false
    }

    private struct Walker<Source: ManifestSource> {
        let source: Source
        let binaries: Bool
        var found: Set<Found> = []
        var visited: Set<[UInt64]> = []
        var warnings: [Diagnostic] = []

        mutating func walk(_ directory: String) {
            if let identity = source.identity(ofDirectory: directory), !visited.insert(identity).inserted { return }
            guard let entries = source.entries(of: directory) else {
                warnings.append(Diagnostic(.warning, .unlistedDirectory, path: source.displayPath(directory), line: nil, column: nil,
                                           message: source.whyUnlisted(directory)))
                return
            }
            for entry in entries {
                let path = PathName.join(directory, entry.name)
                switch entry.item {
                case .directory:
                    if !skippedDirectories.contains(entry.name) { walk(path) }
                case .file:
                    if let kind = ManifestKind(fileName: entry.name) {
                        found.insert(Found(path: path, kind: kind))
                    } else if binaries, isExecutable(path, source) {
                        found.insert(Found(path: path, kind: .goBinary))
                    }
                case .other:
                    if ManifestKind(fileName: entry.name) != nil {
                        warnings.append(Diagnostic(.warning, .notRegularFile, path: source.displayPath(path), line: nil, column: nil,
                                                   message: "not a regular file (a FIFO, socket or device); skipped"))
                    }
                }
            }
        }
    }
}
