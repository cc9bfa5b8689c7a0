import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file's bytes from disk with the guards every manifest gets: it must exist, be a regular file
/// (a FIFO is never waited on: it is opened without blocking and checked before a byte is read), be
/// readable, and be at most the limit (by its size first, then by what was read).
public enum ManifestFile {
    /// The largest manifest depwatch reads: 16 MiB.
    public static let maximumSize = 16 << 20

    /// The file's bytes, at most `limit` of them, read with POSIX calls so that a failure reports the
    /// system's reason.
    public static func bytes(_ path: String, limit: Int = maximumSize) throws(ManifestError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a directory")
        default: throw .unreadable(path: path, reason: "it is not a regular file")
        }
        let expected = Int(info.st_size)
        if expected > limit { throw .tooLarge(path: path, bytes: expected, limit: limit) }
        return try contents(descriptor, expected: expected, path: path, limit: limit)
    }

    /// Whether `bytes` hold a NUL (binary, not text), searched with the C library's vectorized `memchr`.
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.isEmpty ? false : memchr(buffer.baseAddress!, 0, buffer.count) != nil }
    }

    /// Reads straight into an array's storage; a file that grows while being read is read to its end (or
    /// to the limit).
    private static func contents(_ descriptor: Int32, expected: Int, path: String, limit: Int) throws(ManifestError) -> [UInt8] {
        var bytes = [UInt8]()
        var capacity = max(expected + 1, 4096)
        while true {
            var failure: Int32 = 0
            var done = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                _ = buffer.initialize(from: previous)
                count = previous.count
                while count < capacity {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { done = true; return }
                    count += n
                }
            }
            if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
            if bytes.count > limit { throw .tooLarge(path: path, bytes: bytes.count, limit: limit) }
            if done { return bytes }
            capacity *= 2
        }
    }
}
