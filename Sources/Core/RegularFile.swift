#if canImport(Glibc)
import Glibc
#endif

/// Why a file's bytes could not be read.
public enum FileReadError: Error, Sendable, Equatable {
    /// Nothing is at the path.
    case notFound
    /// Something is there but cannot be read (a directory, a FIFO, no permission): the reason.
    case unreadable(String)
    /// The file is over the limit: its size (by `fstat`, or as far as it was read).
    case tooLarge(Int)
}

/// Reads a file's bytes with the guards every input depwatch reads gets: it must exist, be a regular file
/// (a FIFO is never waited on: it is opened without blocking and checked before a byte is read), be
/// readable, and be at most the limit (by its size first, then by what was read, for a file that grows).
public enum RegularFile {
    /// The file's bytes, at most `limit` of them, read with POSIX calls so that a failure reports the
    /// system's reason.
    public static func bytes(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        let (descriptor, expected) = try openForReading(path)
        defer { close(descriptor) }
        if expected > limit { throw .tooLarge(expected) }
        return try contents(descriptor, expected: expected, limit: limit)
    }

    /// Opens the regular file at `path` for reading without blocking (a FIFO is refused before it can be
    /// waited on) and returns its descriptor, which the caller closes, and its size by `fstat`.
    public static func openForReading(_ path: String) throws(FileReadError) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound }
            throw .unreadable(String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable(reason)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (descriptor, Int(info.st_size))
        case S_IFDIR: close(descriptor); throw .unreadable("it is a directory")
        default: close(descriptor); throw .unreadable("it is not a regular file")
        }
    }

    /// The first `count` bytes of a regular file (fewer when it is shorter), or `nil` when it is not a
    /// regular file or cannot be read: how a file found in a folder is recognized by its magic number.
    public static func prefix(_ path: String, count: Int) -> [UInt8]? {
        guard let (descriptor, _) = try? openForReading(path) else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
        guard n >= 0 else { return nil }
        return Array(bytes.prefix(n))
    }

    /// Reads straight into an array's storage; a file that grows while being read is read to its end (or
    /// to the limit).
    private static func contents(_ descriptor: Int32, expected: Int, limit: Int) throws(FileReadError) -> [UInt8] {
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
                    let n = read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { done = true; return }
                    count += n
                }
            }
            if failure != 0 { throw .unreadable(String(cString: strerror(failure))) }
            if bytes.count > limit { throw .tooLarge(bytes.count) }
            if done { return bytes }
            capacity *= 2
        }
    }
}
