/// A strict RFC 8259 JSON reader that records where every value starts.
struct JSONReader {
    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 512

    /// Parses a whole document; anything but whitespace after the value is an error.
    static func parse(_ text: String, path: String) throws(ManifestError) -> JSONNode {
        var reader = JSONReader(bytes: Array(text.utf8), path: path)
        reader.skipWhitespace()
        let node = try reader.value()
        reader.skipWhitespace()
        if reader.index < reader.bytes.count { throw reader.error("unexpected \(reader.describeNext()) after the JSON document") }
        return node
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    private mutating func value() throws(ManifestError) -> JSONNode {
        let (startLine, startColumn) = (line, column)
        func node(_ value: JSONNode.Value) -> JSONNode { JSONNode(value: value, line: startLine, column: startColumn) }
        guard let c = peek() else { throw error("unexpected end of file; expected a JSON value") }
        switch c {
        case UInt8(ascii: "{"): return node(try object())
        case UInt8(ascii: "["): return node(try array())
        case UInt8(ascii: "\""): return node(.string(try string()))
        case UInt8(ascii: "t"): try literal("true"); return node(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return node(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return node(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return node(.number(try number()))
        default: throw error("unexpected \(describeNext()); expected a JSON value")
        }
    }

    private mutating func object() throws(ManifestError) -> JSONNode.Value {
        try enter()
        advance()
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { advance(); depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("unexpected \(describeNext()); expected a member name in quotes") }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("unexpected \(describeNext()); expected ':' after member name") }
            advance()
            skipWhitespace()
            members.append(.init(key: key, line: keyLine, column: keyColumn, value: try value()))
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { advance(); continue }
            if peek() == UInt8(ascii: "}") { advance(); depth -= 1; return .object(members) }
            throw error("unexpected \(describeNext()); expected ',' or '}' in object")
        }
    }

    private mutating func array() throws(ManifestError) -> JSONNode.Value {
        try enter()
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { advance(); depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { advance(); continue }
            if peek() == UInt8(ascii: "]") { advance(); depth -= 1; return .array(elements) }
            throw error("unexpected \(describeNext()); expected ',' or ']' in array")
        }
    }

    private mutating func enter() throws(ManifestError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("JSON nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func string() throws(ManifestError) -> String {
        let (startLine, startColumn) = (line, column)
        advance()
        var buffer: [UInt8] = []
        while let c = peek() {
            advance()
            switch c {
            case UInt8(ascii: "\""):
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &buffer)
            case 0..<0x20:
                throw error("control character in string; escape it or close the string")
            default:
                buffer.append(c)
            }
        }
        throw ManifestError.at(path, startLine, startColumn, "unterminated string")
    }

    private mutating func escape(into buffer: inout [UInt8]) throws(ManifestError) {
        guard let c = peek() else { throw error("unexpected end of file in string escape") }
        advance()
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        if let value = simple[c] { buffer.append(value); return }
        guard c == UInt8(ascii: "u") else { throw error("invalid escape '\\\(Character(Unicode.Scalar(c)))' in string") }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), bytes[index...].starts(with: Array("\\u".utf8)) {
            advance(); advance()
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) }
        }
        buffer.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
    }

    private mutating func hex4() throws(ManifestError) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error("invalid \\u escape; expected four hexadecimal digits")
        }
        for _ in 0..<4 { advance() }
        return value
    }

    private mutating func number() throws(ManifestError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { advance() }
        guard let first = peek(), first.isDigit else { throw error("invalid number; expected a digit") }
        advance()
        if first != UInt8(ascii: "0") { while let c = peek(), c.isDigit { advance() } }
        if peek() == UInt8(ascii: ".") {
            advance()
            guard let c = peek(), c.isDigit else { throw error("invalid number; expected a digit after '.'") }
            while let c = peek(), c.isDigit { advance() }
        }
        if let c = peek(), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            advance()
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { advance() }
            guard let c = peek(), c.isDigit else { throw error("invalid number; expected a digit in the exponent") }
            while let c = peek(), c.isDigit { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func literal(_ word: String) throws(ManifestError) {
        for expected in word.utf8 {
            guard peek() == expected else { throw error("unexpected \(describeNext()); expected '\(word)'") }
            advance()
        }
    }

    private mutating func skipWhitespace() {
        while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func advance() {
        if bytes[index] == 0x0A {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private func describeNext() -> String {
        guard let c = peek() else { return "end of file" }
        if c < 0x80 { return "character '\(Character(Unicode.Scalar(c)))'" }
        return "non-ASCII character"
    }

    private func error(_ message: String) -> ManifestError {
        .at(path, line, column, message)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}
