import Foundation

/// Where depwatch writes what it reads out of repositories for a moment (a bisection's checkouts, a
/// revision's manifests for `diff` and `scan`): files that are written, read once and removed.
///
/// `$TMPDIR` when that is set. Otherwise /dev/shm when that is a tmpfs with at least 1 GiB free — on a disk,
/// creating and removing those files can cost more than the work they serve (BENCHMARKS.md) — and else /tmp.
public enum ScratchLocation {
    /// The directory new scratch directories go in, for this process's environment: decided once (a scan
    /// makes a snapshot per repository, and deciding reads /proc/mounts).
    public static let parent: String =
        defaultParent(environment: ProcessInfo.processInfo.environment, memoryBacked: usableTmpfs("/dev/shm"))

    /// `$TMPDIR` when set, else `memoryBacked` (a usable tmpfs) when there is one, else /tmp.
    public static func defaultParent(environment: [String: String], memoryBacked: String?) -> String {
        if let tmp = environment["TMPDIR"], !tmp.isEmpty { return tmp }
        return memoryBacked ?? "/tmp"
    }

    /// `mountPoint` when it is mounted as tmpfs (per /proc/mounts), writable, with 1 GiB free.
    public static func usableTmpfs(_ mountPoint: String) -> String? {
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

    /// A new, empty, private directory `PREFIXxxxxxx` below `parent` (`mkdtemp`); `nil` with `errno` set
    /// when it cannot be made.
    public static func makeDirectory(in parent: String, prefix: String) -> String? {
        var template = Array((parent as NSString).appendingPathComponent(prefix + "XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
    }
}
