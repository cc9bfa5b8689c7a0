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
    private let counter = Counter()

    /// Creates it below `parent` (default: see the type).
    init(parent: String?) throws(BisectError) {
        let base = parent ?? Self.defaultParent(environment: ProcessInfo.processInfo.environment)
        var template = Array((base as NSString).appendingPathComponent("depwatch-bisect-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let created else {
            throw .io("cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        path = created
    }

    /// `$TMPDIR` when set, else /dev/shm when it is a tmpfs with 1 GiB free, else /tmp.
    static func defaultParent(environment: [String: String]) -> String {
        if let tmp = environment["TMPDIR"], !tmp.isEmpty { return tmp }
        var space = statvfs()
        if isTmpfs("/dev/shm"), statvfs("/dev/shm", &space) == 0,
           UInt64(space.f_bavail) * UInt64(space.f_frsize) >= 1 << 30, access("/dev/shm", W_OK) == 0 {
            return "/dev/shm"
        }
        return "/tmp"
    }

    /// Whether `mountPoint` is mounted as tmpfs (from /proc/mounts).
    static func isTmpfs(_ mountPoint: String) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return false }
        return mounts.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 2 && fields[1] == mountPoint && fields[2] == "tmpfs"
        }
    }

    /// A new, empty directory for one step.
    func makeStepDirectory() throws(BisectError) -> String {
        let directory = (path as NSString).appendingPathComponent("step-\(counter.next())")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        } catch {
            throw .io("cannot create \(directory): \(error.localizedDescription)")
        }
        return directory
    }

    /// Removes something below the scratch directory.
    func removeItem(_ item: String) {
        try? FileManager.default.removeItem(atPath: item)
    }

    /// Removes the scratch directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
