/// Text from manifests, repositories and advisories made safe to show a person: every control character
/// (C0, DEL, C1) and every bidirectional override is written as a visible escape, so that an advisory's
/// summary or a crafted file name cannot clear the screen, retitle the window, write the clipboard (OSC 52)
/// or reorder what is read. JSON and SARIF escape these themselves; every human-readable format and every
/// line on standard error goes through here.
public enum TerminalText {
    /// `text` with every control character written as `\x1b` (C0, DEL), `\u009b` (C1) or `\u202e` (the
    /// bidirectional controls); `allowingNewlines` keeps line feeds and tabs, for whole messages and
    /// reports whose own layout uses them. Unchanged (and not copied) when there is nothing to escape.
    public static func escape(_ text: String, allowingNewlines: Bool = false) -> String {
        guard needsEscaping(text.utf8, allowingNewlines: allowingNewlines) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if allowingNewlines, value == 0x0A || value == 0x09 {
                out.unicodeScalars.append(scalar)
            } else if value < 0x20 || value == 0x7F {
                out += "\\x" + hex(value, digits: 2)
            } else if (0x80...0x9F).contains(value) || isBidiControl(value) {
                out += "\\u" + hex(value, digits: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A quick look at the bytes: C0 and DEL are single bytes, C1 starts with 0xC2, the bidirectional
    /// controls with 0xE2 (a false alarm costs only the slow path).
    private static func needsEscaping(_ bytes: String.UTF8View, allowingNewlines: Bool) -> Bool {
        bytes.contains { byte in
            (byte < 0x20 && !(allowingNewlines && (byte == 0x0A || byte == 0x09))) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
        }
    }

    private static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
