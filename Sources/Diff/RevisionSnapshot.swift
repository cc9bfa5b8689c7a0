import Foundation
import Git
import Manifest

/// The manifests of one revision, read from git objects (no checkout) into a temporary folder that keeps
/// their paths, so the ordinary manifest reading applies; the folder goes where `ScratchLocation` says
/// (a tmpfs when there is one). Removed with the value.
public final class RevisionSnapshot {
    /// The files that make up manifests and their companions.
    static let names: Set<String> = ["go.mod", "go.sum", "go.work", "go.work.sum", "Package.resolved", "Package.swift"]

    /// The folder standing for the repository's root at the revision.
    public let root: String

    /// Writes the manifest files of `revision` below `subpaths` (all when empty), and the files named in
    /// `also` (a policy file) wherever they are; `name` is the revision as the user wrote it, for messages.
    /// A tree with a path git refuses to check out (`..`, `.git`, …) is refused whole before anything is
    /// written (`DiffError.unsafeTree`), and every target is checked to stay inside the folder.
    public init(_ repository: Repository, revision: String, named name: String, subpaths: [String], also: Set<String> = []) throws {
        let parent = ScratchLocation.parent
        guard let root = ScratchLocation.makeDirectory(in: parent, prefix: "depwatch-diff-") else {
            throw DiffError.snapshot("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        self.root = root
        let files = try Self.files(of: repository, at: revision, named: name)
        for path in files where Self.isManifest(path, below: subpaths) || also.contains(String(path.split(separator: "/").last ?? "")) {
            guard let content = try repository.blob(at: revision, path: path) else { continue }
            let target = URL(fileURLWithPath: root).appendingPathComponent(path).standardizedFileURL
            guard target.path.hasPrefix(root + "/") else {
                throw DiffError.unsafeTree(repository: repository.displayPath, revision: name, problem: "the path \"\(path)\" leaves the snapshot")
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: target)
        }
    }

    /// The files of `revision`, a tree git would refuse to check out being `DiffError.unsafeTree`.
    private static func files(of repository: Repository, at revision: String, named name: String) throws -> [String] {
        let listed: Result<[String], GitError> = Result { () throws(GitError) in try repository.files(at: revision) }
        switch listed {
        case .success(let files): return files
        case .failure(let error) where error.code == GitError.unsafePath:
            throw DiffError.unsafeTree(repository: repository.displayPath,
                                       revision: name == revision ? name : "\(name) (\(revision.prefix(12)))", problem: error.message)
        case .failure(let error): throw error
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Whether `path` names a manifest file below one of `subpaths` and outside the folders discovery skips.
    static func isManifest(_ path: String, below subpaths: [String]) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last, names.contains(name) else { return false }
        if components.dropLast().contains(where: ManifestDiscovery.skippedDirectories.contains) { return false }
        let cleaned = subpaths.map(PathName.clean).filter { $0 != "." }
        return cleaned.isEmpty || cleaned.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
