import Foundation

/// depwatch's own temporary directory for one bisection (`depwatch-bisect-XXXXXX` under `$TMPDIR`):
/// every checkout and wiring file goes below it, and it is removed whole at the end, interrupted or not.
final class ScratchDirectory: Sendable {
    /// Its path.
    let path: String
    private let counter = Counter()

    /// Creates it below `parent` (default: `$TMPDIR`, else /tmp).
    init(parent: String?) throws(BisectError) {
        let base = parent ?? ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base as NSString).appendingPathComponent("depwatch-bisect-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let created else {
            throw .io("cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        path = created
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
