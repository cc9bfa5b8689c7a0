import Core
import Audit
import Foundation
import TOMLKit

/// A repository to scan: where it is, which revision, which parts.
public struct RepositoryTarget: Sendable, Hashable {
    /// A short name for reports (unique within a scan).
    public var name: String
    /// A work tree, or a git directory (bare or not).
    public var path: String
    /// The revision to read (default `HEAD`).
    public var revision = "HEAD"
    /// Sub-paths to scan (all of it when empty).
    public var paths: [String] = []
    /// A built Go binary (`[[artifact]]`) rather than a repository: what is deployed, audited as built.
    public var isArtifact = false

    /// A target.
    public init(name: String, path: String, revision: String = "HEAD", paths: [String] = [], isArtifact: Bool = false) {
        (self.name, self.path, self.revision, self.paths, self.isArtifact) = (name, path, revision, paths, isArtifact)
    }
}

/// Where the repositories of a scan come from: a `depwatch-scan.toml`, every git repository below a
/// directory, or paths given on the command line.
public enum RepositoryList {
    static let keys: Set<String> = ["name", "path", "revision", "paths"]
    static let artifactKeys: Set<String> = ["name", "path"]

    /// The `[[repository]]` and `[[artifact]]` entries of a `depwatch-scan.toml`, repositories first;
    /// relative paths are relative to the file.
    public static func parse(_ text: String, path: String) throws(ScanError) -> [RepositoryTarget] {
        let table: TOMLTable
        do { table = try PolicyParser.tomlTable(text, path: path) } catch { throw .configuration(error.localizedDescription) }
        for key in table.keys where key != "repository" && key != "artifact" {
            throw .configuration("\(path): unknown key \"\(TerminalText.excerpt(key))\"; the file holds [[repository]] and [[artifact]] entries")
        }
        var targets: [RepositoryTarget] = []
        for (kind, allowed) in [("repository", keys), ("artifact", artifactKeys)] {
            for (index, value) in (table[kind]?.array.map(Array.init) ?? []).enumerated() {
                let label = "\(path): [[\(kind)]] #\(index + 1)"
                guard let entry = value.table else { throw .configuration("\(label): not a table") }
                if let unknown = entry.keys.first(where: { !allowed.contains($0) }) {
                    throw .configuration("\(label): unknown key \"\(TerminalText.excerpt(unknown))\"; expected \(allowed.sorted().joined(separator: ", "))")
                }
                guard let location = entry["path"]?.string else { throw .configuration("\(label): `path` is required") }
                var target = RepositoryTarget(name: entry["name"]?.string ?? (location as NSString).lastPathComponent,
                                              path: resolve(location, relativeTo: path), isArtifact: kind == "artifact")
                if let revision = entry["revision"]?.string { target.revision = revision }
                if let paths = entry["paths"]?.array { target.paths = paths.compactMap(\.string) }
                targets.append(target)
            }
        }
        return try unique(targets)
    }

    /// `location` relative to the folder of the file at `file`, unless absolute.
    private static func resolve(_ location: String, relativeTo file: String) -> String {
        let base = (file as NSString).deletingLastPathComponent
        return location.hasPrefix("/") || base.isEmpty ? location : (base as NSString).appendingPathComponent(location)
    }

    /// Every git repository below `directory` (a folder holding `.git`, or a bare repository), sorted by
    /// path, named by their path relative to `directory`. Repositories are not searched inside each other.
    public static func discover(below directory: String) throws(ScanError) -> [RepositoryTarget] {
        var found: [RepositoryTarget] = []
        func walk(_ path: String, _ relative: String) {
            if isRepository(path) {
                found.append(RepositoryTarget(name: relative.isEmpty ? (path as NSString).lastPathComponent : relative, path: path))
                return
            }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for entry in entries where !entry.hasPrefix(".") {
                let child = (path as NSString).appendingPathComponent(entry)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                walk(child, relative.isEmpty ? entry : relative + "/" + entry)
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .configuration("\(directory): not a directory")
        }
        walk(directory, "")
        return found
    }

    /// Paths from the command line, named by their last component: a regular file is an artifact (a
    /// binary), anything else a repository.
    public static func paths(_ paths: [String]) throws(ScanError) -> [RepositoryTarget] {
        try unique(paths.map { path in
            var isDirectory: ObjCBool = false
            let isFile = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            return RepositoryTarget(name: ((path as NSString).standardizingPath as NSString).lastPathComponent, path: path, isArtifact: isFile)
        })
    }

    /// Whether `path` is a work tree with `.git` or a bare repository.
    static func isRepository(_ path: String) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: (path as NSString).appendingPathComponent(".git")) { return true }
        return ["HEAD", "objects", "refs"].allSatisfy { manager.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
    }

    /// Names made unique by appending `-2`, `-3`… to repeats.
    public static func unique(_ targets: [RepositoryTarget]) throws(ScanError) -> [RepositoryTarget] {
        var seen: [String: Int] = [:]
        return targets.map { target in
            var target = target
            let count = seen[target.name, default: 0] + 1
            seen[target.name] = count
            if count > 1 { target.name += "-\(count)" }
            return target
        }
    }
}
