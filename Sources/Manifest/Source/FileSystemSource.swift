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

    /// The entries, with their kinds from `readdir` (a `stat` only for links and unknown kinds, which it
    /// follows), sorted by name.
    public func entries(of directory: String) -> [SourceEntry]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [SourceEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append(SourceEntry(name: name, item: .directory))
            case Int32(DT_REG): entries.append(SourceEntry(name: name, item: .file))
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                if let item = item(at: PathName.join(directory, name)) { entries.append(SourceEntry(name: name, item: item)) }
            default: entries.append(SourceEntry(name: name, item: .other))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    public func whyUnlisted(_ directory: String) -> String {
        if directory.utf8.count >= Int(PATH_MAX) {
            return "its path is longer than the system allows (PATH_MAX, \(PATH_MAX) bytes), so manifests below it were not read; scan from a directory closer to them"
        }
        // Asked again for the reason (only after a failure, once per directory that could not be listed).
        guard let stream = opendir(directory) else {
            return "cannot list the directory (\(String(cString: strerror(errno)))); manifests below it were not read"
        }
        closedir(stream)
        return "cannot list the directory; manifests below it were not read"
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
