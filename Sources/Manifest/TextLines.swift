/// Splits UTF-8 text into numbered lines without going through `Character` (grapheme breaking is what
/// makes line-oriented reading of large files slow).
struct TextLines: Sequence {
    /// One line: its 1-based number and its bytes, without the newline.
    struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    private let bytes: [UInt8]

    /// The lines of `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Iterates the lines; a final newline does not start another line.
    func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    /// The lines, one after another.
    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var start = 0
        var number = 0

        mutating func next() -> Line? {
            guard start < bytes.count else { return nil }
            number += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            return Line(number: number, bytes: bytes[start..<end])
        }
    }
}
