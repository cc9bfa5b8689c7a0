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

    /// A target.
    public init(name: String, path: String, revision: String = "HEAD", paths: [String] = []) {
        (self.name, self.path, self.revision, self.paths) = (name, path, revision, paths)
    }
}

/// Where the repositories of a scan come from: a `depwatch-scan.toml`, every git repository below a
/// directory, or paths given on the command line.
public enum RepositoryList {
    static let keys: Set<String> = ["name", "path", "revision", "paths"]

    /// The `[[repository]]` entries of a `depwatch-scan.toml`; relative paths are relative to the file.
    public static func parse(_ text: String, path: String) throws(ScanError) -> [RepositoryTarget] {
        let table: TOMLTable
        do { table = try PolicyParser.tomlTable(text, path: path) } catch { throw .configuration(error.localizedDescription) }
        for key in table.keys where key != "repository" {
            throw .configuration("\(path): unknown key \"\(key)\"; the file holds [[repository]] entries")
        }
        guard let entries = table["repository"]?.array else { return [] }
        let base = (path as NSString).deletingLastPathComponent
        var targets: [RepositoryTarget] = []
        for (index, value) in entries.enumerated() {
            let label = "\(path): [[repository]] #\(index + 1)"
            guard let entry = value.table else { throw .configuration("\(label): not a table") }
            if let unknown = entry.keys.first(where: { !keys.contains($0) }) {
                throw .configuration("\(label): unknown key \"\(unknown)\"; expected \(keys.sorted().joined(separator: ", "))")
            }
            guard let location = entry["path"]?.string else { throw .configuration("\(label): `path` is required") }
            let resolved = location.hasPrefix("/") || base.isEmpty ? location : (base as NSString).appendingPathComponent(location)
            var target = RepositoryTarget(name: entry["name"]?.string ?? (location as NSString).lastPathComponent, path: resolved)
            if let revision = entry["revision"]?.string { target.revision = revision }
            if let paths = entry["paths"]?.array { target.paths = paths.compactMap(\.string) }
            targets.append(target)
        }
        return try unique(targets)
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

    /// Paths from the command line, named by their last component.
    public static func paths(_ paths: [String]) throws(ScanError) -> [RepositoryTarget] {
        try unique(paths.map { RepositoryTarget(name: (($0 as NSString).standardizingPath as NSString).lastPathComponent, path: $0) })
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
