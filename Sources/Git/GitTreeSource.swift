import Foundation
import Manifest

/// A git tree at a revision as a manifest source: files are read from the object database (no checkout,
/// nothing written anywhere), each blob's size checked before it is read. Paths are relative to the tree's
/// root (`.`); messages name files `REVISION:path`, the revision as the user wrote it.
///
/// A tree holding a path git refuses to check out (`..`, `.git`, absolute, empty components) cannot be
/// made a source: nothing of it is read.
public struct GitTreeSource: ManifestSource, @unchecked Sendable {
    /// The repository.
    public let repository: Repository
    /// The commit read.
    public let commit: String
    /// The revision as the user wrote it, for messages.
    public let name: String
    /// Each directory's entries (the root is `.`), from one walk of the tree.
    private let directories: [String: [SourceEntry]]
    /// What every path of the tree is.
    private let items: [String: SourceItem]
    /// libgit2 objects are used from one thread at a time; the inventory reads files on every core.
    private let lock = NSLock()

    /// The tree of `commit`; `name` is how the user named it. Throws `GitError` (code `unsafePath` for a
    /// tree git would refuse).
    public init(_ repository: Repository, commit: String, named name: String) throws(GitError) {
        (self.repository, self.commit, self.name) = (repository, commit, name)
        var children: [String: [String: SourceItem]] = [".": [:]]
        var items: [String: SourceItem] = [".": .directory]
        for file in try Self.files(repository, commit: commit, named: name) {
            let components = file.split(separator: "/").map(String.init)
            var directory = "."
            for (index, component) in components.enumerated() {
                let item: SourceItem = index == components.count - 1 ? .file : .directory
                children[directory, default: [:]][component] = item
                directory = PathName.join(directory, component)
                items[directory] = item
            }
        }
        self.items = items
        directories = children.mapValues { entries in entries.keys.sorted().map { SourceEntry(name: $0, item: entries[$0]!) } }
    }

    /// The tree's files; a tree git would refuse is an error naming the repository and the revision.
    private static func files(_ repository: Repository, commit: String, named name: String) throws(GitError) -> [String] {
        let listed: Result<[String], GitError> = Result { () throws(GitError) in try repository.files(at: commit) }
        switch listed {
        case .success(let files): return files
        case .failure(let error) where error.code == GitError.unsafePath:
            let revision = name == commit ? name : "\(name) (\(commit.prefix(12)))"
            throw GitError(operation: "\(repository.displayPath): revision \(revision)",
                           message: "\(error.message); nothing of this revision was read or written", code: error.code)
        case .failure(let error): throw error
        }
    }

    public func item(at path: String) -> SourceItem? {
        items[PathName.clean(path)]
    }

    public func entries(of directory: String) -> [SourceEntry]? {
        directories[PathName.clean(directory)]
    }

    public func bytes(of path: String, limit: Int) throws(ManifestError) -> [UInt8] {
        let cleaned = PathName.clean(path)
        switch items[cleaned] {
        case .file?: break
        case .directory?: throw .unreadable(path: displayPath(path), reason: "it is a directory")
        default: throw .notFound(path: displayPath(path))
        }
        lock.lock()
        defer { lock.unlock() }
        let read: BlobRead?
        do {
            read = try repository.blob(at: commit, path: cleaned, limit: limit)
        } catch {
            throw .unreadable(path: displayPath(path), reason: error.message)
        }
        switch read {
        case .content(let bytes)?: return bytes
        case .tooLarge(let size)?: throw .tooLarge(path: displayPath(path), bytes: size, limit: limit)
        case nil: throw .notFound(path: displayPath(path))
        }
    }

    public func displayPath(_ path: String) -> String { "\(name):\(PathName.clean(path))" }

    public func identity(ofDirectory path: String) -> [UInt64]? { nil }
}
