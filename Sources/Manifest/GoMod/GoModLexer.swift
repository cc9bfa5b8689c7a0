/// One token of the go.mod / go.work grammar, with the place it starts.
struct GoModToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word, quoted, punctuation, comment, newline
    }

    var kind: Kind
    /// The text as written (quotes included for `quoted`, `//` included for `comment`).
    var text: String
    var line: Int
    var column: Int
}

/// Splits go.mod and go.work content into tokens, as golang.org/x/mod/modfile's lexer does: `//`
/// comments to the end of the line, the punctuation `( ) [ ] { } ,`, Go-quoted and back-quoted
/// strings, and words of any other printable characters. Fails at the first character Go rejects.
/// Works on UTF-8 bytes; columns count characters (Unicode scalars), as Go's do.
struct GoModLexer {
    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String, path: String) {
        bytes = Array(text.utf8)
        self.path = path
    }

    /// All tokens, each line ended by a `newline` token (one is added at the end if missing).
    mutating func tokens() throws(ManifestError) -> [GoModToken] {
        var result: [GoModToken] = []
        while let token = try next() { result.append(token) }
        if result.last?.kind != .newline {
            result.append(GoModToken(kind: .newline, text: "\n", line: line, column: column))
        }
        return result
    }

    /// The punctuation the grammar reserves: `( ) [ ] { } ,`.
    static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: ","): true
        default: false
        }
    }

    private mutating func next() throws(ManifestError) -> GoModToken? {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { advance() }
        guard index < bytes.count else { return nil }
        let c = bytes[index]
        let (startLine, startColumn, start) = (line, column, index)
        func token(_ kind: GoModToken.Kind) -> GoModToken {
            GoModToken(kind: kind, text: String(decoding: bytes[start..<index], as: UTF8.self), line: startLine, column: startColumn)
        }
        if c == 0x0A {
            advance()
            return token(.newline)
        }
        if hasPrefix(0x2F, 0x2F) {
            while index < bytes.count, bytes[index] != 0x0A { advance() }
            return token(.comment)
        }
        if hasPrefix(0x2F, 0x2A) { throw error("mod files must use // comments (not /* */ comments)") }
        if Self.isPunctuation(c) {
            advance()
            return token(.punctuation)
        }
        if c == 0x22 || c == 0x60 {
            try quoted(c, startLine: startLine, startColumn: startColumn)
            return token(.quoted)
        }
        guard let first = currentScalar(), first.isGoModIdentifier else {
            throw error("unexpected input character \((currentScalar() ?? "\u{FFFD}").goQuoted)")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2F, index + 1 < bytes.count {
                if bytes[index + 1] == 0x2F { break }
                if bytes[index + 1] == 0x2A { throw error("mod files must use // comments (not /* */ comments)") }
            }
            if byte < 0x80 {
                // ASCII, the usual case: one byte, one column, no decoding.
                guard Unicode.Scalar(byte).isGoModIdentifier else { break }
                index += 1
                column += 1
                continue
            }
            guard let next = currentScalar(), next.isGoModIdentifier else { break }
            advance()
        }
        return token(.word)
    }

    private mutating func quoted(_ quote: UInt8, startLine: Int, startColumn: Int) throws(ManifestError) {
        advance()
        while true {
            guard index < bytes.count else {
                throw ManifestError.at(path, startLine, startColumn, "unexpected EOF in string")
            }
            let c = bytes[index]
            if c == 0x0A { throw error("unexpected newline in string") }
            advance()
            if c == quote { return }
            if c == 0x5C, quote != 0x60 {
                guard index < bytes.count else {
                    throw ManifestError.at(path, startLine, startColumn, "unexpected EOF in string")
                }
                if bytes[index] == 0x0A { throw error("unexpected newline in string") }
                advance()
            }
        }
    }

    /// The Unicode scalar starting at the current byte (ASCII without decoding).
    private func currentScalar() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        if bytes[index] < 0x80 { return Unicode.Scalar(bytes[index]) }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private func hasPrefix(_ a: UInt8, _ b: UInt8) -> Bool {
        index + 1 < bytes.count && bytes[index] == a && bytes[index + 1] == b
    }

    /// Moves past one whole character (all bytes of a multi-byte scalar).
    private mutating func advance() {
        if bytes[index] == 0x0A {
            line += 1
            column = 1
            index += 1
            return
        }
        column += 1
        index += 1
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }

    private func error(_ message: String) -> ManifestError {
        .at(path, line, column, message)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar may appear in a go.mod word (modfile's `isIdent`): printable, not space,
    /// not punctuation the grammar reserves.
    var isGoModIdentifier: Bool {
        // ASCII first: looking up Unicode properties for every byte of a go.mod showed in profiles.
        if value < 0x80 {
            switch value {
            case 0x21...0x7E: return !GoModLexer.isPunctuation(UInt8(value))
            default: return false
            }
        }
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// The scalar as Go's `%#q` prints a rune: `'x'` when printable, else an escape (`'\ufeff'`).
    var goQuoted: String {
        if isGoModIdentifier || self == " " { return "'\(Character(self))'" }
        if value < 0x80 {
            switch self {
            case "\t": return "'\\t'"
            case "\r": return "'\\r'"
            case "\0": return "'\\x00'"
            default: return "'\\x" + String(value, radix: 16).leftPadded(to: 2) + "'"
            }
        }
        if value <= 0xFFFF { return "'\\u" + String(value, radix: 16).leftPadded(to: 4) + "'" }
        return "'\\U" + String(value, radix: 16).leftPadded(to: 8) + "'"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
