import Core
import Foundation

/// Reads a heap profile from its bytes, whichever form: gzipped or plain profile.proto, or the legacy
/// text. Errors are `path: byte offset: message`; an offset inside a gzipped file's content says so.
public enum HeapProfileReader {
    /// The largest profile read, compressed or inflated: a profile is untrusted input.
    public static let sizeLimit = 1 << 30

    /// The profile in `bytes`, read from `path` (for messages).
    public static func read(_ bytes: [UInt8], path: String) throws(HeapError) -> HeapProfile {
        var content = bytes
        let compressed = Gzip.isCompressed(bytes)
        if compressed {
            do { content = try Gzip.inflate(bytes, limit: sizeLimit) } catch {
                throw .malformed(path: path, offset: error.offset, message: error.message)
            }
        }
        guard !content.isEmpty else { throw .malformed(path: path, offset: 0, message: "the profile is empty") }
        do {
            return try content.withUnsafeBufferPointer { (buffer) throws(ProfileFailure) -> HeapProfile in
                if LegacyHeapText.matches(buffer) { return try LegacyHeapText.decode(buffer) }
                if looksLikeText(buffer) {
                    throw ProfileFailure(offset: 0, message: "not a heap profile (text that is neither profile.proto nor `heap profile:`"
                                         + (buffer.starts(with: Array("<".utf8)) ? ", perhaps an HTML page" : "") + ")")
                }
                return try ProfileProtoDecoder.decode(buffer)
            }.withStackBytes(content)
        } catch {
            throw .malformed(path: path, offset: error.offset,
                             message: error.message + (compressed ? " (offset in the inflated profile)" : ""))
        }
    }

    /// The profile in the file at `path` (a regular file, at most `sizeLimit` bytes).
    public static func read(path: String) throws(HeapError) -> HeapProfile {
        let bytes: [UInt8]
        do { bytes = try RegularFile.bytes(path, limit: sizeLimit) } catch {
            switch error {
            case .notFound: throw .unreadable(path: path, reason: "no such file")
            case .unreadable(let reason): throw .unreadable(path: path, reason: "cannot read the profile: \(reason)")
            case .tooLarge(let size): throw .unreadable(path: path, reason: "the profile is \(size >> 20) MiB, over the \(sizeLimit >> 20) MiB limit")
            }
        }
        return try read(bytes, path: path)
    }

    /// Whether the first bytes are printable text (a profile.proto starts with a field key such as 0x0a).
    private static func looksLikeText(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = buffer.prefix(64)
        return head.allSatisfy { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d || (0x20..<0x7f).contains($0) } && head.first != 0x0a
    }
}
