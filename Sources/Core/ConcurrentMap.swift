import Dispatch

extension RandomAccessCollection where Self: Sendable {
    /// `map(transform)` on every core, the results in the collection's order. For independent work of a
    /// few microseconds or more per element (parsing a file, compiling an advisory's ranges, rendering a
    /// manifest's block); smaller work is better mapped in one loop. The results are written in place into
    /// the array's storage, so no placeholder value is needed and nothing is copied after.
    public func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration initializes its own element: no two threads touch the same memory.
            nonisolated(unsafe) let output = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                (output + offset).initialize(to: transform(self[index(startIndex, offsetBy: offset)]))
            }
            initialized = count
        }
    }
}
