import Core
/// One directive of a go.mod or go.work file after blocks are unfolded: `require (a v1; b v2)` gives
/// two directives with the verb `require`.
struct GoModDirective: Sendable {
    /// The verb (`module`, `require`, …).
    var verb: String
    /// The arguments after the verb, as tokens.
    var arguments: [GoModToken]
    /// Where the directive's line starts (the verb, or the first argument inside a block).
    var line: Int
    var column: Int
    /// The `//` comment at the end of the line, without the slashes, trimmed.
    var suffixComment: String?
    /// The comment lines right above the directive (or above its block), without the slashes.
    var leadingComments: [String]
}

/// The statement structure of go.mod and go.work (modfile's `read.go`): lines of tokens, and blocks
/// `verb (` … `)` whose lines share the verb.
enum GoModSyntax {
    /// The verbs a block may carry in the given file kind; another verb before `(` is an error.
    static func directives(in text: String, path: String, blockVerbs: Set<String>) throws(ManifestError) -> [GoModDirective] {
        if let conflict = MergeConflict.firstMarker(in: text, path: path, regenerate: "then run `go mod tidy`") {
            throw conflict
        }
        var lexer = GoModLexer(text, path: path)
        let lines = try split(lexer.tokens())
        // The last line's number, for an unterminated block only (counting every file's lines showed in profiles).
        let endOfFileLine = { text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
        var reader = LineReader(lines: lines, path: path, blockVerbs: blockVerbs, endOfFileLine: endOfFileLine)
        return try reader.read()
    }

    /// A physical line: its tokens (no newline) and its trailing comment.
    struct Line {
        var tokens: [GoModToken]
        var comment: GoModToken?
        var number: Int
    }

    private static func split(_ tokens: [GoModToken]) -> [Line] {
        var lines: [Line] = []
        var current = Line(tokens: [], comment: nil, number: 1)
        for token in tokens {
            switch token.kind {
            case .newline:
                lines.append(current)
                current = Line(tokens: [], comment: nil, number: token.line + 1)
            case .comment:
                current.comment = token
            default:
                current.tokens.append(token)
            }
        }
        return lines
    }
}

/// Walks the lines, collecting comments and unfolding blocks.
private struct LineReader {
    let lines: [GoModSyntax.Line]
    let path: String
    let blockVerbs: Set<String>
    let endOfFileLine: () -> Int
    var index = 0
    var comments: [String] = []
    var directives: [GoModDirective] = []
    var errors: [Diagnostic] = []

    init(lines: [GoModSyntax.Line], path: String, blockVerbs: Set<String>, endOfFileLine: @escaping () -> Int) {
        self.lines = lines
        self.path = path
        self.blockVerbs = blockVerbs
        self.endOfFileLine = endOfFileLine
    }

    mutating func read() throws(ManifestError) -> [GoModDirective] {
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.tokens.isEmpty {
                if let comment = line.comment { comments.append(comment.commentText) } else { comments = [] }
                continue
            }
            if opensBlock(line.tokens) {
                try readBlock(opener: line)
            } else {
                directives.append(directive(verb: line.tokens[0], arguments: Array(line.tokens.dropFirst()),
                                            start: line.tokens[0], line: line, leading: comments))
            }
            comments = []
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return directives
    }

    /// `verb (` at the end of a line opens a block; `verb ( )` is an empty one.
    private func opensBlock(_ tokens: [GoModToken]) -> Bool {
        if tokens.last?.text == "(", tokens.last?.kind == .punctuation { return true }
        let n = tokens.count
        return n >= 2 && tokens[n - 2].text == "(" && tokens[n - 1].text == ")"
            && tokens[n - 2].kind == .punctuation && tokens[n - 1].kind == .punctuation
    }

    private mutating func readBlock(opener: GoModSyntax.Line) throws(ManifestError) {
        let isEmptyBlock = opener.tokens.last?.text == ")"
        let head = Array(opener.tokens.dropLast(isEmptyBlock ? 2 : 1))
        let blockComments = comments
        if head.count != 1 || !blockVerbs.contains(head[0].text) {
            let first = opener.tokens[0]
            let name = head.map(\.text).joined(separator: " ")
            errors.append(Diagnostic(.syntaxError, path: path, line: first.line, column: first.column,
                                     message: "unknown block type: \(name)"))
        }
        if isEmptyBlock { return }
        var inner: [String] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.tokens.isEmpty {
                if let comment = line.comment { inner.append(comment.commentText) } else { inner = [] }
                continue
            }
            let first = line.tokens[0]
            if first.kind == .punctuation, first.text == ")" {
                if line.tokens.count > 1 {
                    let extra = line.tokens[1]
                    throw .at(path, extra.line, extra.column, "syntax error (expected newline after closing paren)")
                }
                return
            }
            if head.count == 1 {
                directives.append(directive(verb: head[0], arguments: line.tokens, start: first, line: line,
                                            leading: inner.isEmpty ? blockComments : inner))
            }
            inner = []
        }
        let start = opener.tokens[0]
        throw .at(path, endOfFileLine(), 1, "syntax error (unterminated block started at \(path):\(start.line):\(start.column))")
    }

    private func directive(verb: GoModToken, arguments: [GoModToken], start: GoModToken,
                           line: GoModSyntax.Line, leading: [String]) -> GoModDirective {
        GoModDirective(verb: verb.text, arguments: arguments, line: start.line, column: start.column,
                       suffixComment: line.comment?.commentText, leadingComments: leading)
    }
}

extension GoModToken {
    /// A comment token's text without `//`, trimmed.
    var commentText: String {
        String(text.dropFirst(2)).trimmingSpaces()
    }
}
