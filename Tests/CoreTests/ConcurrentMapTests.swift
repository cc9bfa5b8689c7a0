import Core
import Testing

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 7, 1000])
    func equalsMapInOrder(count: Int) {
        let values = (0..<count).map { $0 * 3 }
        #expect(values.concurrentMap { String($0) } == values.map { String($0) })
    }

    /// A slice keeps its own indices: the element at offset i is the slice's i-th, not the base's.
    @Test func mapsASliceByOffset() {
        let slice = Array(0..<100)[40..<60]
        #expect(slice.concurrentMap { $0 + 1 } == Array(41...60))
    }

    /// Results that are classes (reference counted) come out initialized once each.
    @Test func classResultsAreEachInitializedOnce() {
        final class Box: Sendable { let value: Int; init(_ value: Int) { self.value = value } }
        let boxes = (0..<500).concurrentMap(Box.init)
        #expect(boxes.map(\.value) == Array(0..<500))
        #expect(Set(boxes.map(ObjectIdentifier.init)).count == 500)
    }
}
