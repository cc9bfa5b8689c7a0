/// Go's interpreted string literals (`"…"` with backslash escapes), as `strconv.Unquote` reads them.
public enum GoStringLiteral {
    /// The value of the double-quoted literal `text`, or `nil` when it is not a valid Go string literal.
    public static func unquote(_ text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if c == "\"" || c == "\n" { return nil }
            guard c == "\\" else {
                result.append(c)
                continue
            }
            guard i < scalars.count, let (value, used) = escape(scalars, at: i) else { return nil }
            result.append(value)
            i += used
        }
        return String(result)
    }

    private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
        "\\": "\\", "\"": "\"",
    ]

    /// The escape starting after a backslash at `i`: its value and how many scalars it used.
    private static func escape(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        if let simple = simpleEscapes[s[i]] { return (simple, 1) }
        let (radix, digits): (Int, Int)
        switch s[i] {
        case "x": (radix, digits) = (16, 2)
        case "u": (radix, digits) = (16, 4)
        case "U": (radix, digits) = (16, 8)
        case "0"..."7": (radix, digits) = (8, 3)
        default: return nil
        }
        let start = s[i] >= "0" && s[i] <= "7" ? i : i + 1
        guard start + digits <= s.count,
              let value = UInt32(String(String.UnicodeScalarView(s[start..<start + digits])), radix: radix),
              let scalar = Unicode.Scalar(value) else { return nil }
        if radix == 8 && value > 255 { return nil }
        return (scalar, start + digits - i)
    }
}

extension GoStringLiteral {
    /// `text` as a double-quoted Go literal, as `strconv.Quote` writes it: printable characters as they
    /// are, `\a \b \f \n \r \t \v \\ \"` for those, `\xNN` for other control bytes, `\u00NN` for C1 controls.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            case "\u{00}"..."\u{1F}", "\u{7F}": result += "\\x" + hex(scalar.value, digits: 2)
            case "\u{80}"..."\u{9F}": result += "\\u" + hex(scalar.value, digits: 4)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
