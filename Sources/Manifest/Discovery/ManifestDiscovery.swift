import Foundation

/// Finds the manifests below the paths a user names: every go.mod, go.work and Package.resolved,
/// skipping `.git`, `.build`, `vendor`, `node_modules` and `testdata`, following symbolic links to
/// directories at most once each (so a link loop ends).
public enum ManifestDiscovery {
    /// Directory names never descended into.
    public static let skippedDirectories: Set<String> = [".git", ".build", "vendor", "node_modules", "testdata"]

    /// A manifest found on disk.
    public struct Found: Sendable, Hashable {
        /// Its path, joined from what the user gave.
        public var path: String
        /// Its kind.
        public var kind: ManifestKind
    }

    /// The manifests below `roots`, sorted by path; the roots that could not be used (errors); the
    /// directories below them that could not be listed (warnings: never a silent miss).
    public static func find(_ roots: [String]) -> (found: [Found], errors: [Diagnostic], warnings: [Diagnostic]) {
        var walker = Walker()
        var errors: [Diagnostic] = []
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                errors += ManifestError.notFound(path: root).diagnostics
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walker.walk(PathName.clean(root))
            } else if let kind = ManifestKind(fileName: PathName.base(of: root)) {
                walker.found.insert(Found(path: PathName.clean(root), kind: kind))
            } else {
                errors += ManifestError.unknownKind(path: root).diagnostics
            }
        }
        return (walker.found.sorted { $0.path < $1.path }, errors, walker.warnings)
    }

    private struct Walker {
        var found: Set<Found> = []
        var visited: Set<[UInt64]> = []
        var warnings: [Diagnostic] = []

        mutating func walk(_ directory: String) {
            var info = stat()
            guard stat(directory, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                warnings.append(Diagnostic(.warning, path: directory, line: nil, column: nil,
                                           message: "cannot list the directory; manifests below it were not read"))
                return
            }
            for name in names.sorted() {
                let path = PathName.join(directory, name)
                var entry = stat()
                guard stat(path, &entry) == 0 else { continue }
                if (entry.st_mode & S_IFMT) == S_IFDIR {
                    if !skippedDirectories.contains(name) { walk(path) }
                } else if let kind = ManifestKind(fileName: name) {
                    found.insert(Found(path: path, kind: kind))
                }
            }
        }
    }
}
