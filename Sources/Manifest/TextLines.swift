/// Splits UTF-8 text into lines and whitespace-separated fields without going through `Character`
/// (grapheme breaking is what makes line-oriented parsing of large files slow).
struct TextLines: Sequence {
    /// One line: its 1-based number and its bytes, without the newline.
    struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>

        /// Whitespace-separated fields (space, tab, carriage return) with their 1-based columns.
        var fields: [(text: String, column: Int)] {
            fieldSlices.map { (String(decoding: $0.bytes, as: UTF8.self), $0.column) }
        }

        /// The fields as byte slices, for parsers that need a String for only some of them.
        var fieldSlices: [(bytes: ArraySlice<UInt8>, column: Int)] {
            firstFields(Int.max).fields
        }

        /// The first `limit` fields as byte slices with their columns, and whether more follow (a go.sum
        /// line needs three, and stops looking after a fourth).
        func firstFields(_ limit: Int) -> (fields: [(bytes: ArraySlice<UInt8>, column: Int)], more: Bool) {
            var fields: [(bytes: ArraySlice<UInt8>, column: Int)] = []
            if limit < 8 { fields.reserveCapacity(limit) }
            let more = firstFields(limit, into: &fields)
            return (fields, more)
        }

        /// `firstFields(_:)` into an array the caller reuses from line to line (one allocation per file
        /// rather than per line); returns whether more fields follow.
        func firstFields(_ limit: Int, into fields: inout [(bytes: ArraySlice<UInt8>, column: Int)]) -> Bool {
            fields.removeAll(keepingCapacity: true)
            var index = bytes.startIndex
            var column = 1
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    index += 1
                    column += 1
                    continue
                }
                if fields.count == limit { return true }
                let start = index, startColumn = column
                while index < bytes.endIndex, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x0D {
                    if bytes[index] & 0xC0 != 0x80 && index != start { column += 1 }
                    index += 1
                }
                column += 1
                fields.append((bytes[start..<index], startColumn))
            }
            return false
        }

        /// Whether the line starts with `prefix`.
        func hasPrefix(_ prefix: [UInt8]) -> Bool {
            bytes.starts(with: prefix)
        }
    }

    private let bytes: [UInt8]

    /// The lines of `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The lines of UTF-8 `bytes` (for a parser that walks the same text twice).
    init(bytes: [UInt8]) {
        self.bytes = bytes
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
