import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The local file system as a manifest source: paths as the user gave them (relative to the working
/// directory), symbolic links followed (discovery ends their loops by `identity`), only regular files read,
/// each with `ManifestFile`'s guards.
public struct FileSystemSource: ManifestSource {
    /// The file system.
    public init() {}

    public func item(at path: String) -> SourceItem? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Self.item(info)
    }

    public func entries(of directory: String) -> [SourceEntry]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.sorted().compactMap { name in
            item(at: PathName.join(directory, name)).map { SourceEntry(name: name, item: $0) }
        }
    }

    public func bytes(of path: String, limit: Int) throws(ManifestError) -> [UInt8] {
        try ManifestFile.bytes(path, limit: limit)
    }

    public func displayPath(_ path: String) -> String { path }

    public func prefix(of path: String, count: Int) -> [UInt8]? { RegularFile.prefix(path, count: count) }

    public func identity(ofDirectory path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    private static func item(_ info: stat) -> SourceItem {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
