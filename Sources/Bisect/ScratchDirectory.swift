import Foundation

/// depwatch's own temporary directory for one bisection (`depwatch-bisect-XXXXXX`): every checkout and
/// wiring file goes below it, and it is removed whole at the end, interrupted or not.
///
/// It goes under `$TMPDIR` when that is set. Otherwise under /dev/shm when that is a tmpfs with at least
/// 1 GiB free — a checkout is written, read once and removed, and on a disk the first one (every file of
/// the dependency created) can cost more than the test (BENCHMARKS.md) — and else under /tmp.
final class ScratchDirectory: Sendable {
    /// Its path.
    let path: String

    /// Creates it below `parent` (default: see the type).
    init(parent: String?) throws(BisectError) {
        path = try Self.makeUnique(in: parent ?? Self.defaultParent(environment: ProcessInfo.processInfo.environment,
                                                                     memoryBacked: Self.usableTmpfs("/dev/shm")),
                                   prefix: "depwatch-bisect-")
    }

    /// `$TMPDIR` when set, else `memoryBacked` (a usable tmpfs) when there is one, else /tmp.
    static func defaultParent(environment: [String: String], memoryBacked: String?) -> String {
        if let tmp = environment["TMPDIR"], !tmp.isEmpty { return tmp }
        return memoryBacked ?? "/tmp"
    }

    /// `mountPoint` when it is mounted as tmpfs (per /proc/mounts), writable, with 1 GiB free.
    static func usableTmpfs(_ mountPoint: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8),
              mounts.split(separator: "\n").contains(where: { line in
                  let fields = line.split(separator: " ")
                  return fields.count > 2 && fields[1] == mountPoint && fields[2] == "tmpfs"
              }) else { return nil }
        var space = statvfs()
        guard statvfs(mountPoint, &space) == 0, UInt64(space.f_bavail) * UInt64(space.f_frsize) >= 1 << 30,
              access(mountPoint, W_OK) == 0 else { return nil }
        return mountPoint
    }

    /// A new, empty directory for one step.
    func makeStepDirectory() throws(BisectError) -> String {
        try Self.makeUnique(in: path, prefix: "step-")
    }

    /// A new directory `PREFIXxxxxxx` below `parent` (mkdtemp: unique, private).
    private static func makeUnique(in parent: String, prefix: String) throws(BisectError) -> String {
        var template = Array((parent as NSString).appendingPathComponent(prefix + "XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let created else {
            throw .io("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        return created
    }

    /// Removes something below the scratch directory.
    func removeItem(_ item: String) {
        try? FileManager.default.removeItem(atPath: item)
    }

    /// Removes the scratch directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
