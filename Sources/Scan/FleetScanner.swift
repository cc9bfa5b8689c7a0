import Foundation

/// Which part of the repository list one machine scans: `I/N` takes every N-th repository, from the I-th.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Parses `I/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        (self.index, self.count) = (index, count)
    }

    /// The targets of this shard.
    public func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}

/// Scans many repositories with bounded parallelism; each result is handed to `completed` as soon as it
/// exists (on the scanning thread), so the history can commit it at once.
public struct FleetScanner: Sendable {
    let scanner: RepositoryScanner
    let jobs: Int

    /// Scans with `jobs` repositories at a time.
    public init(_ scanner: RepositoryScanner, jobs: Int) {
        self.scanner = scanner
        self.jobs = max(1, jobs)
    }

    /// Scans `targets`; results in the targets' order.
    public func scan(_ targets: [RepositoryTarget], completed: @Sendable (Int, RepositoryScan) -> Void = { _, _ in }) -> [RepositoryScan] {
        let next = Counter()
        let results = ResultSlots(count: targets.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, targets.count))) { _ in
            while true {
                let index = next.take()
                guard index < targets.count else { return }
                let scan = scanner.scan(targets[index])
                results.set(index, scan)
                completed(index, scan)
            }
        }
        return results.all
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }

    private final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RepositoryScan?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ scan: RepositoryScan) {
            lock.lock()
            slots[index] = scan
            lock.unlock()
        }
        var all: [RepositoryScan] { slots.compactMap { $0 } }
    }
}
