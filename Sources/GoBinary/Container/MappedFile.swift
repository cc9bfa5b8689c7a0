#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, never read whole: every access is bounds-checked, so offsets and
/// sizes read from a hostile file can only fail, not read past the end.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes.
    let bytes: UnsafeRawBufferPointer

    /// Maps the regular file at `path` (a FIFO or a device is refused before anything is read).
    init(path: String) throws(GoBinaryError) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.errorText(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: Self.errorText(errno)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let size = Int(status.st_size)
        guard size > 0 else { throw .notExecutable(path: path) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw .unreadable(path: path, reason: "cannot map it: " + Self.errorText(errno))
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
