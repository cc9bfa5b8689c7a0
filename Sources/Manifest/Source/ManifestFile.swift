import Core
#if canImport(Glibc)
import Glibc
#endif

/// The limits of a manifest, and its guarded read from disk (`RegularFile`, its problems as `ManifestError`).
public enum ManifestFile {
    /// The largest manifest depwatch reads: 16 MiB.
    public static let maximumSize = 16 << 20

    /// The bytes of the regular file `path`, at most `limit` of them.
    public static func bytes(_ path: String, limit: Int = maximumSize) throws(ManifestError) -> [UInt8] {
        do throws(FileReadError) {
            return try RegularFile.bytes(path, limit: limit)
        } catch {
            switch error {
            case .notFound: throw .notFound(path: path)
            case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
            case .tooLarge(let bytes): throw .tooLarge(path: path, bytes: bytes, limit: limit)
            }
        }
    }

    /// Whether `bytes` hold a NUL (binary, not text), searched with the C library's vectorized `memchr`.
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.isEmpty ? false : memchr(buffer.baseAddress!, 0, buffer.count) != nil }
    }
}
