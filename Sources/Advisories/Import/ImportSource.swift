import CSystemZlib
import Foundation
import Core
import ZIPFoundation

/// Where advisories to import come from: OSV JSON files, folders of them (searched recursively for
/// `*.json`), and `.zip` archives of them (osv.dev's per-ecosystem exports).
struct ImportSource {
    /// One document to import: a file, or an entry of an archive.
    enum Document {
        case file(String)
        /// Entry number `index` of an archive's `.json` entries.
        case archiveEntry(ArchiveReader, index: Int)

        /// How problems name it: the path, or `archive.zip:entry`.
        var label: String {
            switch self {
            case .file(let path): return path
            case .archiveEntry(let archive, let index): return "\(archive.path):\(archive.name(of: index))"
            }
        }
    }

    /// The largest advisory depwatch reads.
    static let maximumDocumentSize = 16 << 20

    /// The documents below `paths`, in a stable order, listed on a background thread while the first ones
    /// are read (an archive's central directory takes as long to walk as its entries take to inflate), with
    /// the problems found while listing (archive entries refused for their names). A path that does not
    /// exist, or is neither a directory nor a regular file (a FIFO would be waited on), is an error before
    /// anything is listed.
    static func documents(_ paths: [String]) throws(AdvisoryStoreError) -> DocumentStream {
        var kinds: [(path: String, isDirectory: Bool)] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw .importSourceMissing(path: path) }
            let type = info.st_mode & S_IFMT
            guard type == S_IFDIR || type == S_IFREG else { throw .importSourceIrregular(path: path) }
            kinds.append((path, type == S_IFDIR))
        }
        let stream = DocumentStream(), sources = kinds
        // A thread of its own, not a queue's: readers wait on it, and must never take the thread it needs.
        Thread {
            for (path, isDirectory) in sources {
                if isDirectory {
                    stream.append(jsonFiles(below: path).map(Document.file))
                } else if path.lowercased().hasSuffix(".zip") {
                    listArchive(path, into: stream)
                } else {
                    stream.append([.file(path)])
                }
            }
            stream.finish()
        }.start()
        return stream
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

    /// The `.json` entries of an archive, from one reading of its central directory, handed to `stream` a
    /// batch at a time; an entry whose name is absolute or climbs out with `..` is refused.
    private static func listArchive(_ path: String, into stream: DocumentStream) {
        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(path: path)
        } catch {
            return stream.append([], problems: [ImportProblem(path: path, message: "not a readable zip archive (\(error))")])
        }
        let complete = reader.list { batch in
            var documents: [Document] = []
            var refused: [ImportProblem] = []
            for (index, name) in batch {
                if isHostile(name) {
                    refused.append(ImportProblem(path: "\(path):\(name)",
                                                 message: "refused: the entry's name is absolute or leaves the archive with \"..\""))
                } else {
                    documents.append(.archiveEntry(reader, index: index))
                }
            }
            stream.append(documents, problems: refused)
        }
        if !complete {
            stream.append([], problems: [ImportProblem(path: path, message: "the archive has more than \(ArchiveReader.maximumEntries) entries; the rest were not read")])
        }
    }

    /// Whether an archive entry's name is absolute (`/x`, `\x`, `C:x`) or has a `..` component (with `/` or
    /// `\` between components). Looked at as bytes: Foundation's `replacingOccurrences` here was a third of
    /// the time an archive took to list.
    static func isHostile(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
        if let first = bytes.first, isSeparator(first) { return true }
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":") { return true }
        return bytes.split(whereSeparator: isSeparator).contains { $0.elementsEqual("..".utf8) }
    }

    /// Reads a document's bytes; an archive entry through its archive's reader, from its offset.
    static func load(_ document: Document) -> Result<[UInt8], ImportProblem> {
        switch document {
        case .file(let path):
            do throws(FileReadError) {
                return .success(try RegularFile.bytes(path, limit: maximumDocumentSize))
            } catch {
                return .failure(ImportProblem(path: path, message: message(error)))
            }
        case .archiveEntry(let archive, let index):
            return archive.bytes(of: index, limit: maximumDocumentSize)
        }
    }
    /// What is wrong with a file that could not be read, as a problem says it.
    private static func message(_ error: FileReadError) -> String {
        switch error {
        case .notFound: return "no such file or directory"
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .tooLarge(let bytes): return "file is \(bytes) bytes, over the \(maximumDocumentSize >> 20) MiB limit for an advisory"
        }
    }
}

/// The documents of one import as the background listing finds them: batches are handed out in order,
/// each once it is listed (or the listing has ended), so reading starts before listing ends.
final class DocumentStream: @unchecked Sendable {
    private var documents: [ImportSource.Document] = []
    private var problems: [ImportProblem] = []
    private var finished = false
    /// Where the next batch starts: the listing waits when it is this many ahead, so that an archive's
    /// entries are not all held at once (memory stays flat however many there are).
    private var handedOut = 0
    private static let ahead = 4 * 512
    private let condition = NSCondition()

    /// Adds listed documents (and problems met while listing them), once the readers are close enough.
    func append(_ listed: [ImportSource.Document], problems refused: [ImportProblem] = []) {
        condition.lock()
        while documents.count - handedOut > Self.ahead { condition.wait() }
        documents += listed
        problems += refused
        condition.broadcast()
        condition.unlock()
    }

    /// Marks the listing complete.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next `size` documents, waiting until they are listed; `nil` past the end. Called by one
    /// reader at a time (the import reads batch after batch).
    func next(_ size: Int) -> ArraySlice<ImportSource.Document>? {
        condition.lock()
        defer { condition.unlock() }
        let start = handedOut
        while !finished, documents.count < start + size { condition.wait() }
        guard start < documents.count else { return nil }
        let end = min(start + size, documents.count)
        handedOut = end
        condition.broadcast()
        return documents[start..<end]
    }

    /// Every document and listing problem, once the listing has ended.
    func all() -> (documents: Int, problems: [ImportProblem]) {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return (documents.count, problems)
    }
}

/// One zip archive for a whole import: its central directory walked once, in its own order, handing out
/// the `.json` file entries as they are found; each entry inflated from its own offset, on every core (each
/// thread through a handle of its own, kept for the next entry). Looking entries up by name instead
/// (ZIPFoundation's subscript walks the central directory) made importing osv.dev's `all.zip` quadratic:
/// 41 s for 4,326 entries.
final class ArchiveReader: @unchecked Sendable {
    /// The archive's path, as given.
    let path: String
    /// The `.json` file entries found so far, with their paths (ZIPFoundation decodes `Entry.path` anew on
    /// every use); an entry is dropped once it is read (ZIPFoundation's are large), its path kept for messages.
    private var entries: [(path: String, entry: Entry?)] = []
    private var idle: [Archive]
    private let lock = NSLock()
    /// Bytes inflated from this archive so far, against `maximumTotal`.
    private var inflated = 0

    /// The most entries of one archive read (osv.dev's largest ecosystem export has about 200,000).
    static let maximumEntries = 1_000_000
    /// The most bytes one archive inflates to in all (osv.dev's Go export: about 40 MB).
    static let maximumTotal = 2 << 30
    /// How many times its compressed size an entry may inflate to, past its first MiB (OSV JSON: 5–15 ×).
    static let maximumRatio = 100

    init(path: String) throws {
        self.path = path
        idle = [try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)]
    }

    /// Walks the central directory, calling `found` with each batch of `.json` file entries (index, path);
    /// `false` when it stopped at `maximumEntries`.
    @discardableResult
    func list(batch size: Int = 512, _ found: ([(index: Int, path: String)]) -> Void) -> Bool {
        guard let archive = try? checkOut() else { return true }
        defer { checkIn(archive) }
        var batch: [(index: Int, path: String)] = []
        var seen = 0
        for entry in archive {
            seen += 1
            if seen > Self.maximumEntries {
                if !batch.isEmpty { found(batch) }
                return false
            }
            // Only the name is looked at (`Entry.type` decodes it again): a directory's ends in `/`, and a
            // symbolic link named `.json` is read as what it holds, a path, which is no advisory.
            let name = Self.name(of: entry)
            guard name.hasSuffix(".json") else { continue }
            lock.lock()
            entries.append((name, entry))
            let index = entries.count - 1
            lock.unlock()
            batch.append((index, name))
            if batch.count == size { found(batch); batch.removeAll(keepingCapacity: true) }
        }
        if !batch.isEmpty { found(batch) }
        return true
    }

    /// An entry's path as ZIPFoundation decodes it, read as UTF-8 first: a name without the UTF-8 flag is
    /// decoded as code page 437 one scalar at a time, which cost as much as the rest of the listing; for an
    /// ASCII name (all of osv.dev's) both readings are the same string.
    private static func name(of entry: Entry) -> String {
        let utf8 = entry.path(using: .utf8)
        return !utf8.isEmpty && utf8.utf8.allSatisfy({ $0 < 0x80 }) ? utf8 : entry.path
    }

    /// Entry `index`'s path.
    func name(of index: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return entries[index].path
    }

    /// Entry `index`'s bytes, inflated and checked against its CRC-32; an entry that inflates past
    /// `limit` bytes is stopped there, whatever its header claims. Safe to call from several threads.
    func bytes(of index: Int, limit: Int) -> Result<[UInt8], ImportProblem> {
        struct TooLarge: Error {}
        struct TooCompressed: Error {}
        struct ArchiveTooLarge: Error {}
        lock.lock()
        let (name, listed) = entries[index]
        entries[index].entry = nil
        lock.unlock()
        func problem(_ message: String) -> Result<[UInt8], ImportProblem> { .failure(ImportProblem(path: "\(path):\(name)", message: message)) }
        guard let entry = listed else { return problem("the entry was read already") }
        guard entry.uncompressedSize <= UInt64(limit) else { return problem("entry is over \(limit >> 20) MiB") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            let archive = try checkOut()
            defer { checkIn(archive) }
            // The CRC-32 is checked here with zlib's: ZIPFoundation's own on Linux (a byte-at-a-time table in
            // Swift) was a third of the import's time.
            let compressed = max(Int(clamping: entry.compressedSize), 1)
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                // Bounded as it inflates, whatever the headers claim: the entry, its ratio, the archive's total.
                guard bytes.count + chunk.count <= limit else { throw TooLarge() }
                let size = bytes.count + chunk.count
                if size > 1 << 20, size / compressed > Self.maximumRatio { throw TooCompressed() }
                guard self.account(chunk.count) else { throw ArchiveTooLarge() }
                chunk.withUnsafeBytes { bytes.append(contentsOf: $0) }   // not Data's byte-by-byte iterator
            }
            let checksum = bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
            guard UInt32(truncatingIfNeeded: checksum) == entry.checksum else {
                return problem("the entry's CRC-32 does not match: the archive is corrupt")
            }
        } catch is TooLarge {
            return problem("entry inflates past \(limit >> 20) MiB")
        } catch is TooCompressed {
            return problem("entry inflates to over \(Self.maximumRatio) times its compressed size (a zip bomb?); not read")
        } catch is ArchiveTooLarge {
            return problem("the archive inflates past \(Self.maximumTotal >> 30) GiB in all; this entry and the rest were not read")
        } catch {
            return problem("cannot read the entry (\(error))")
        }
        return .success(bytes)
    }

    /// Counts `count` more inflated bytes; `false` once the archive is past `maximumTotal`.
    private func account(_ count: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        inflated += count
        return inflated <= Self.maximumTotal
    }

    private func checkOut() throws -> Archive {
        lock.lock()
        let archive = idle.popLast()
        lock.unlock()
        return try archive ?? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
    }

    private func checkIn(_ archive: Archive) {
        lock.lock()
        idle.append(archive)
        lock.unlock()
    }
}
