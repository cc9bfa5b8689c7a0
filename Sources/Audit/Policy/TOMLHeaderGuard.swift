/// A check run before TOMLKit sees a file: toml++ 3 (under TOMLKit) asserts — aborting depwatch — where
/// it means to report a syntax error, on inputs found by fuzzing: a table header whose key starts with a
/// character that can start no key (`[:ignore]`, `[[` at a line end), and an array element that starts
/// with `,` or `}` (`a = [}`). This scanner reads as TOML does — headers at the start of a line outside
/// strings, arrays and inline tables — and reports those errors itself.
enum TOMLHeaderGuard {
    /// A header whose key cannot start where it does: its 1-based line and column.
    struct Problem: Error {
        var line: Int
        var column: Int
        var message = "a table header's key must start with a letter, a digit, - or _, or be quoted"
    }

    static func check(_ text: String) throws(Problem) {
        let bytes = Array(text.utf8)
        var index = 0, line = 1, lineStart = 0, depth = 0
        var atLineStart = true
        // Inside arrays (`[`) and inline tables (`{`), innermost last; and whether an element may start
        // at the next significant character (right after `[` or `,` in an array).
        var open: [UInt8] = [], elementNext = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                atLineStart = true
                index += 1
                continue
            }
            if atLineStart, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            if atLineStart, depth == 0, byte == UInt8(ascii: "[") {
                var next = index + 1
                if next < bytes.count, bytes[next] == UInt8(ascii: "[") { next += 1 }
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
                if next < bytes.count, !startsKey(bytes[next]) { throw Problem(line: line, column: next - lineStart + 1) }
                index = skipLine(bytes, from: next)
                continue
            }
            atLineStart = false
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            if elementNext, !isSpace, byte != UInt8(ascii: "#") {
                elementNext = false
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") {
                    throw Problem(line: line, column: index - lineStart + 1, message: "an array element must be a value, not \"\(Character(UnicodeScalar(byte)))\"")
                }
            }
            switch byte {
            case UInt8(ascii: "#"): index = skipLine(bytes, from: index)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = skipString(bytes, from: index, line: &line, lineStart: &lineStart)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                open.append(byte)
                elementNext = byte == UInt8(ascii: "[")
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                _ = open.popLast()
                index += 1
            case UInt8(ascii: ","):
                elementNext = open.last == UInt8(ascii: "[")
                index += 1
            default: index += 1
            }
        }
    }

    /// What may start a key: a bare key's letters, digits, `-` and `_`, or a quote; also `]`, which toml++
    /// reports well by itself (a header without a key). A line end is no key (toml++ asserts on it too).
    private static func startsKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    private static func skipLine(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// Past the string starting at `start` (basic or literal, single- or multi-line), counting its lines.
    private static func skipString(_ bytes: [UInt8], from start: Int, line: inout Int, lineStart: inout Int) -> Int {
        let quote = bytes[start]
        let multi = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (multi ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { index += 2; continue }
            if byte == UInt8(ascii: "\n") {
                if !multi { return index }
                line += 1
                lineStart = index + 1
            }
            if byte == quote {
                if !multi { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }
}
