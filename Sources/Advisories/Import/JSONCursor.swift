/// A strict, validating JSON reader over UTF-8 bytes that decodes only what its caller asks for and
/// skips (while still validating) everything else. Foundation's decoders build every value; importing
/// thousands of advisories needs a handful of fields from each.
struct JSONCursor: ~Copyable {
    /// What is wrong with the document, and at which byte offset.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Fails unless only whitespace remains.
    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected data after the JSON document") }
    }

    /// The next value's type, after whitespace: `{`, `[`, `"`, or another first byte.
    mutating func peek() throws(Failure) -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of document") }
        return bytes[index]
    }

    /// Reads an object, calling `member` with each key; `member` must read or skip the value.
    mutating func object(_ member: (inout JSONCursor, String) throws(Failure) -> Void) throws(Failure) {
        try open(UInt8(ascii: "{"), "an object")
        if try peek() == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try string()
            guard try peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
            index += 1
            try member(&self, key)
            let next = try peek()
            index += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "}") { depth -= 1; return }
            index -= 1
            throw fail("expected ',' or '}' in an object")
        }
    }

    /// Reads an array, calling `element` for each element; `element` must read or skip it.
    mutating func array(_ element: (inout JSONCursor) throws(Failure) -> Void) throws(Failure) {
        try open(UInt8(ascii: "["), "an array")
        if try peek() == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        while true {
            try element(&self)
            let next = try peek()
            index += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "]") { depth -= 1; return }
            index -= 1
            throw fail("expected ',' or ']' in an array")
        }
    }

    /// Reads a string value, escapes decoded.
    mutating func string() throws(Failure) -> String {
        guard try peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
        }
        throw fail("unterminated string")
    }

    /// Reads a string, or `null` as `nil`.
    mutating func optionalString() throws(Failure) -> String? {
        if try peek() == UInt8(ascii: "n") { try skip(); return nil }
        return try string()
    }

    /// Reads an array of strings.
    mutating func strings() throws(Failure) -> [String] {
        var result: [String] = []
        try array { (c: inout JSONCursor) throws(Failure) in result.append(try c.string()) }
        return result
    }

    /// Skips one value of any type, validating it.
    mutating func skip() throws(Failure) {
        switch try peek() {
        case UInt8(ascii: "{"): try object { (c: inout JSONCursor, _) throws(Failure) in try c.skip() }
        case UInt8(ascii: "["): try array { (c: inout JSONCursor) throws(Failure) in try c.skip() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func skipString() throws(Failure) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte == UInt8(ascii: "\\") {
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                if escape == UInt8(ascii: "u") { _ = try hex4() } else if !Self.simpleEscapes.keys.contains(escape) {
                    throw fail("invalid escape in a string")
                }
            } else if byte < 0x20 {
                throw fail("control character in a string")
            }
        }
        throw fail("unterminated string")
    }

    private static let simpleEscapes: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                                         0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]

    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw fail("unterminated string") }
                let escape = bytes[index]
                index += 1
                if let simple = Self.simpleEscapes[escape] {
                    buffer.append(simple)
                } else if escape == UInt8(ascii: "u") {
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        code = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    }
                    buffer.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
                } else {
                    throw fail("invalid escape in a string")
                }
            case 0..<0x20:
                throw fail("control character in a string")
            default:
                buffer.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x37
            case 0x61...0x66: digit = byte - 0x57
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func number() throws(Failure) {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits(leadingZeroAllowed: false) else { index = start; throw fail("expected a value") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(leadingZeroAllowed: true) else { throw fail("invalid number") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(leadingZeroAllowed: true) else { throw fail("invalid number") }
        }
    }

    private mutating func digits(leadingZeroAllowed: Bool) -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        if index == start { return false }
        if !leadingZeroAllowed, index - start > 1, bytes[start] == 0x30 { return false }
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("expected a value") }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] { throw fail("expected a value") }
        index += count
    }

    private mutating func open(_ byte: UInt8, _ what: String) throws(Failure) {
        guard try peek() == byte else { throw fail("expected \(what)") }
        depth += 1
        if depth > 256 { throw fail("nested deeper than 256 levels") }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private func fail(_ message: String) -> Failure {
        Failure(message: message, offset: index)
    }
}
