import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a manifest's text from disk with the guards every manifest gets: it must exist, be readable,
/// be at most `maximumSize` bytes, and be UTF-8 text.
public enum ManifestFile {
    /// The largest manifest depwatch reads: 16 MiB.
    public static let maximumSize = 16 << 20

    /// The file's text.
    public static func read(_ path: String) throws(ManifestError) -> String {
        let bytes = try guardedBytes(path)
        guard !containsNUL(bytes), let text = String(validating: bytes, as: UTF8.self) else { throw .notText(path: path) }
        return text
    }

    /// The file's text as UTF-8 bytes, with the same guards as `read`, for parsers that scan bytes: the
    /// bytes are checked where they are, not copied into a String (a go.sum is the largest manifest).
    public static func utf8(_ path: String) throws(ManifestError) -> [UInt8] {
        let bytes = try guardedBytes(path)
        guard !containsNUL(bytes), (try? UTF8Span(validating: bytes.span)) != nil else { throw .notText(path: path) }
        return bytes
    }

    /// Whether `bytes` hold a NUL (binary, not text), searched with the C library's vectorized `memchr`.
    private static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.isEmpty ? false : memchr(buffer.baseAddress!, 0, buffer.count) != nil }
    }

    /// The bytes of an existing regular file of at most `maximumSize` bytes.
    private static func guardedBytes(_ path: String) throws(ManifestError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        if Int(info.st_size) > maximumSize { throw .tooLarge(path: path, bytes: Int(info.st_size), limit: maximumSize) }
        let bytes = try contents(path)
        if bytes.count > maximumSize { throw .tooLarge(path: path, bytes: bytes.count, limit: maximumSize) }
        return bytes
    }

    /// The file's bytes, at most `limit` of them, read with POSIX calls so that a failure reports the
    /// system's reason.
    public static func bytes(_ path: String, limit: Int = maximumSize) throws(ManifestError) -> [UInt8] {
        try contents(path, limit: limit)
    }

    private static func contents(_ path: String, limit: Int = maximumSize) throws(ManifestError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        if expected > limit { throw .tooLarge(path: path, bytes: expected, limit: limit) }
        // Read straight into the array's storage; a file that grows while being read is read to its end.
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

    /// Whether a file exists at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}
