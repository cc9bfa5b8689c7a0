import Testing
@testable import Core

/// Control characters are written as visible escapes; everything else, non-ASCII text included, is kept.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("naïve café 日本", "naïve café 日本"),
        ("a\u{1B}[2Jb", "a\\x1b[2Jb"),
        ("\u{1B}]52;c;ZWNobw==\u{07}", "\\x1b]52;c;ZWNobw==\\x07"),
        ("del\u{7F}", "del\\x7f"),
        ("c1\u{9B}31m", "c1\\u009b31m"),
        ("bidi\u{202E}txt\u{2066}", "bidi\\u202etxt\\u2066"),
        ("line\nbreak\ttab", "line\\x0abreak\\x09tab"),
        ("nul\u{0}", "nul\\x00"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(TerminalText.escape(input) == expected)
    }

    @Test func newlinesAndTabsKeptForWholeMessages() {
        #expect(TerminalText.escape("a\nb\tc\u{1B}", allowingNewlines: true) == "a\nb\tc\\x1b")
    }
}
