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
struct GoModLexer {
    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String, path: String) {
        scalars = Array(text.unicodeScalars)
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

    private mutating func next() throws(ManifestError) -> GoModToken? {
        while let c = peek(), c == " " || c == "\t" || c == "\r" { advance() }
        guard let c = peek() else { return nil }
        let (startLine, startColumn, start) = (line, column, index)
        func token(_ kind: GoModToken.Kind) -> GoModToken {
            GoModToken(kind: kind, text: String(String.UnicodeScalarView(scalars[start..<index])),
                       line: startLine, column: startColumn)
        }
        if c == "\n" {
            advance()
            return token(.newline)
        }
        if hasPrefix("//") {
            while let c = peek(), c != "\n" { advance() }
            return token(.comment)
        }
        if hasPrefix("/*") { throw error("mod files must use // comments (not /* */ comments)") }
        if "()[]{},".unicodeScalars.contains(c) {
            advance()
            return token(.punctuation)
        }
        if c == "\"" || c == "`" {
            try quoted(c, startLine: startLine, startColumn: startColumn)
            return token(.quoted)
        }
        guard c.isGoModIdentifier else {
            throw error("unexpected input character \(c.goQuoted)")
        }
        while let c = peek(), c.isGoModIdentifier, !hasPrefix("//") {
            if hasPrefix("/*") { throw error("mod files must use // comments (not /* */ comments)") }
            advance()
        }
        return token(.word)
    }

    private mutating func quoted(_ quote: Unicode.Scalar, startLine: Int, startColumn: Int) throws(ManifestError) {
        advance()
        while true {
            guard let c = peek() else {
                throw ManifestError.at(path, startLine, startColumn, "unexpected EOF in string")
            }
            if c == "\n" { throw error("unexpected newline in string") }
            advance()
            if c == quote { return }
            if c == "\\", quote != "`" {
                guard peek() != nil else {
                    throw ManifestError.at(path, startLine, startColumn, "unexpected EOF in string")
                }
                if peek() == "\n" { throw error("unexpected newline in string") }
                advance()
            }
        }
    }

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        var i = index
        for s in prefix.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String) -> ManifestError {
        .at(path, line, column, message)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar may appear in a go.mod word (modfile's `isIdent`): printable, not space,
    /// not punctuation the grammar reserves.
    var isGoModIdentifier: Bool {
        if "()[]{},".unicodeScalars.contains(self) || properties.isWhitespace { return false }
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
