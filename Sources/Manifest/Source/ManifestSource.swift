/// What a path of a manifest source holds.
public enum SourceItem: Sendable, Equatable {
    /// A regular file (in a git tree: a blob).
    case file
    /// A directory (a tree).
    case directory
    /// Anything else (a FIFO, a socket, a device): never read.
    case other
}

/// One name in a directory of a source.
public struct SourceEntry: Sendable, Equatable {
    /// The name, without its directory.
    public var name: String
    /// What it is (symbolic links resolved).
    public var item: SourceItem

    /// An entry.
    public init(name: String, item: SourceItem) {
        (self.name, self.item) = (name, item)
    }
}

/// Where manifests are read from: the local file system, or a git tree at a revision (read from git's
/// objects, never checked out). Discovery, the inventory, `depwatch.toml` and `depwatch.vet.toml` read only
/// through a source, as osv-scalibr's extractors read through their `ScanInput`'s file system.
///
/// Paths are the source's own (`/`-separated; a git tree's are relative to its root, `.` being the root).
/// Diagnostics name files by `displayPath`, the inventory by the source's path.
public protocol ManifestSource: Sendable {
    /// What `path` holds; `nil` when nothing is there.
    func item(at path: String) -> SourceItem?
    /// The entries of the directory `path`, sorted by name; `nil` when it cannot be listed.
    func entries(of directory: String) -> [SourceEntry]?
    /// The bytes of the file `path`: `ManifestError.tooLarge` when it is over `limit` bytes, decided before
    /// its bytes are read; `notFound` or `unreadable` (named by `displayPath`) otherwise.
    func bytes(of path: String, limit: Int) throws(ManifestError) -> [UInt8]
    /// How `path` is named in messages: as given for the file system, `REVISION:path` for a git tree.
    func displayPath(_ path: String) -> String
    /// What identifies the directory `path` however it is reached (to end symbolic-link loops); `nil` for a
    /// source without links.
    func identity(ofDirectory path: String) -> [UInt64]?
    /// Why the directory `path` could not be listed, for the warning that says its manifests were not read.
    func whyUnlisted(_ directory: String) -> String
    /// The first `count` bytes of the file `path` (to recognize an executable by its magic number);
    /// `nil` where the source holds no executables depwatch reads (a git tree).
    func prefix(of path: String, count: Int) -> [UInt8]?
}

extension ManifestSource {
    /// The generic reason.
    public func whyUnlisted(_ directory: String) -> String { "cannot list the directory; manifests below it were not read" }

    /// No executables: only the file system maps them.
    public func prefix(of path: String, count: Int) -> [UInt8]? { nil }

    /// The file's text: at most `ManifestFile.maximumSize` bytes of UTF-8 without NUL.
    public func text(_ path: String) throws(ManifestError) -> String {
        let bytes = try self.bytes(of: path, limit: ManifestFile.maximumSize)
        guard !ManifestFile.containsNUL(bytes), let text = String(validating: bytes, as: UTF8.self) else {
            throw .notText(path: displayPath(path))
        }
        return text
    }

    /// The file's text as UTF-8 bytes, with the guards of `text`, for parsers that scan bytes (a go.sum is
    /// the largest manifest: its bytes are checked where they are, not copied into a String).
    public func utf8(_ path: String) throws(ManifestError) -> [UInt8] {
        let bytes = try self.bytes(of: path, limit: ManifestFile.maximumSize)
        guard !ManifestFile.containsNUL(bytes), (try? UTF8Span(validating: bytes.span)) != nil else {
            throw .notText(path: displayPath(path))
        }
        return bytes
    }

    /// Whether `path` is a file.
    public func isFile(_ path: String) -> Bool { item(at: path) == .file }

    /// Whether anything is at `path`.
    public func exists(_ path: String) -> Bool { item(at: path) != nil }
}
