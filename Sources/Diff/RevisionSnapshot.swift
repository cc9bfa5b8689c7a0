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
    /// `also` (a policy file) wherever they are.
    public init(_ repository: Repository, revision: String, subpaths: [String], also: Set<String> = []) throws {
        let parent = ScratchLocation.parent
        guard let root = ScratchLocation.makeDirectory(in: parent, prefix: "depwatch-diff-") else {
            throw DiffError.snapshot("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        self.root = root
        for path in try repository.files(at: revision)
        where Self.isManifest(path, below: subpaths) || also.contains(String(path.split(separator: "/").last ?? "")) {
            guard let content = try repository.blob(at: revision, path: path) else { continue }
            let target = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: target)
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
