extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}

extension Character {
    /// Whether the character is one of `0`…`9` (not any Unicode digit).
    public var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
