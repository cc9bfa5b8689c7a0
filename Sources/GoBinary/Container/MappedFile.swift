import Core
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
        let descriptor: Int32, size: Int
        do {
            (descriptor, size) = try RegularFile.openForReading(path)
        } catch {
            switch error {
            case .notFound: throw .unreadable(path: path, reason: "no such file or directory")
            case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
            case .tooLarge(let bytes): throw .unreadable(path: path, reason: "\(bytes) bytes is too large")  // openForReading has no limit
            }
        }
        defer { close(descriptor) }
        guard size > 0 else { throw .notExecutable(path: path) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw .unreadable(path: path, reason: "cannot map it: " + String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
