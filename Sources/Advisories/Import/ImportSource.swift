import Foundation
import Manifest
import ZIPFoundation

/// Where advisories to import come from: OSV JSON files, folders of them (searched recursively for
/// `*.json`), and `.zip` archives of them (osv.dev's per-ecosystem exports).
struct ImportSource {
    /// One document to import: a file, or an entry of an archive.
    enum Document {
        case file(String)
        case archiveEntry(archive: String, entry: String)

        /// How problems name it: the path, or `archive.zip:entry`.
        var label: String {
            switch self {
            case .file(let path): return path
            case .archiveEntry(let archive, let entry): return "\(archive):\(entry)"
            }
        }
    }

    /// The largest advisory depwatch reads.
    static let maximumDocumentSize = 16 << 20

    /// The documents below `paths`, in a stable order, and the problems found while listing them
    /// (archive entries refused for their names).
    static func documents(_ paths: [String]) throws(AdvisoryStoreError) -> (documents: [Document], problems: [ImportProblem]) {
        var documents: [Document] = []
        var problems: [ImportProblem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .importSourceMissing(path: path)
            }
            if isDirectory.boolValue {
                documents += jsonFiles(below: path).map(Document.file)
            } else if path.lowercased().hasSuffix(".zip") {
                let (entries, refused) = archiveEntries(path)
                documents += entries
                problems += refused
            } else {
                documents.append(.file(path))
            }
        }
        return (documents, problems)
    }

    /// The `*.json` files below `directory`, sorted, found with `readdir` (FileManager's enumerator costs
    /// more than reading the files). Symbolic links to directories are not followed.
    private static func jsonFiles(below directory: String) -> [String] {
        var files: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let handle = opendir(current) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = current + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(path)
                case Int32(DT_REG) where name.hasSuffix(".json"): files.append(path)
                case Int32(DT_UNKNOWN):
                    var info = stat()
                    if lstat(path, &info) == 0 {
                        if info.st_mode & S_IFMT == S_IFDIR { pending.append(path) }
                        else if info.st_mode & S_IFMT == S_IFREG && name.hasSuffix(".json") { files.append(path) }
                    }
                default: continue
                }
            }
        }
        return files.sorted()
    }

    /// The `.json` entries of an archive; an entry whose name is absolute or climbs out with `..` is refused.
    private static func archiveEntries(_ path: String) -> ([Document], [ImportProblem]) {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return ([], [ImportProblem(path: path, message: "not a readable zip archive (\(error))")])
        }
        var documents: [Document] = []
        var refused: [ImportProblem] = []
        for entry in archive where entry.type == .file && entry.path.hasSuffix(".json") {
            if isHostile(entry.path) {
                refused.append(ImportProblem(path: "\(path):\(entry.path)",
                                             message: "refused: the entry's name is absolute or leaves the archive with \"..\""))
            } else {
                documents.append(.archiveEntry(archive: path, entry: entry.path))
            }
        }
        return (documents, refused)
    }

    /// Whether an archive entry's name is absolute or has a `..` component.
    static func isHostile(_ name: String) -> Bool {
        let unified = name.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") || (unified.count >= 2 && unified.dropFirst().first == ":") { return true }
        return unified.split(separator: "/").contains("..")
    }

    /// Reads the bytes of documents; archive entries are read through one open archive per file.
    static func load(_ documents: ArraySlice<Document>) -> [Result<[UInt8], ImportProblem>] {
        var archives: [String: Archive] = [:]
        return documents.map { document in
            switch document {
            case .file(let path):
                do throws(ManifestError) {
                    return .success(try ManifestFile.bytes(path, limit: maximumDocumentSize))
                } catch {
                    return .failure(ImportProblem(path: path, message: error.diagnostics.first?.message ?? "\(error)"))
                }
            case .archiveEntry(let archivePath, let name):
                do {
                    if archives[archivePath] == nil {
                        archives[archivePath] = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read, pathEncoding: nil)
                    }
                    guard let archive = archives[archivePath], let entry = archive[name] else {
                        throw CocoaError(.fileReadNoSuchFile)
                    }
                    guard entry.uncompressedSize <= UInt64(maximumDocumentSize) else {
                        return .failure(ImportProblem(path: document.label, message: "entry is over 16 MiB"))
                    }
                    var data = Data()
                    _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                    return .success([UInt8](data))
                } catch {
                    return .failure(ImportProblem(path: document.label, message: "cannot read the entry (\(error))"))
                }
            }
        }
    }
}
