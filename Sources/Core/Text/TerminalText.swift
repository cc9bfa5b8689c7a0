/// Text from manifests, repositories and advisories made safe to show a person: every control character
/// (C0, DEL, C1) and every bidirectional override is written as a visible escape, so that an advisory's
/// summary or a crafted file name cannot clear the screen, retitle the window, write the clipboard (OSC 52)
/// or reorder what is read. JSON and SARIF escape these themselves; every human-readable format and every
/// line on standard error goes through here.
public enum TerminalText {
    /// At most `limit` characters of `text` to quote in a message: the start, then `… (N bytes)` — a
    /// 10 MB line of garbage is named, not echoed.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.utf8.count) bytes)"
    }

    /// `text` whole when it is at most `limit` bytes, else its start and end around `…` and a note of its
    /// size: a message that quotes a huge input keeps what says where and what.
    public static func shortened(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let keep = max(limit / 4, 1)
        return String(text.prefix(limit - keep)) + " … " + String(text.suffix(keep)) + " (\(text.utf8.count) bytes cut)"
    }

    /// `text` with every control character written as `\x1b` (C0, DEL), `\u009b` (C1) or `\u202e` (the
    /// bidirectional controls); `allowingNewlines` keeps line feeds and tabs, for whole messages and
    /// reports whose own layout uses them. Unchanged (and not copied) when there is nothing to escape.
    public static func escape(_ text: String, allowingNewlines: Bool = false) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            guard let first = firstUnsafe(utf8, from: 0, allowingNewlines: allowingNewlines) else { return String(decoding: utf8, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            var runStart = 0, index = first
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index.offset]))
                out.append(contentsOf: index.escaped.utf8)
                runStart = index.offset + index.length
                guard let next = firstUnsafe(utf8, from: runStart, allowingNewlines: allowingNewlines) else { break }
                index = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The next character at or after `start` to escape: its offset, its length in bytes and its escape.
    /// C0 and DEL are single bytes; C1 is 0xC2 0x80…0x9F; the bidirectional controls are U+061C (0xD8 0x9C),
    /// U+200E/F and U+202A…E (0xE2 0x80 …), U+2066…9 (0xE2 0x81 0xA6…0xA9).
    private static func firstUnsafe(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int,
                                    allowingNewlines: Bool) -> (offset: Int, length: Int, escaped: String)? {
        var i = start
        let count = utf8.count
        while i < count {
            let byte = utf8[i]
            if byte < 0x20 || byte == 0x7F {
                if !(allowingNewlines && (byte == 0x0A || byte == 0x09)) { return (i, 1, "\\x" + hex(UInt32(byte), digits: 2)) }
            } else if byte == 0xC2, i + 1 < count, (0x80...0x9F).contains(utf8[i + 1]) {
                return (i, 2, "\\u" + hex(UInt32(utf8[i + 1]), digits: 4))
            } else if byte == 0xD8, i + 1 < count, utf8[i + 1] == 0x9C {
                return (i, 2, "\\u061c")
            } else if byte == 0xE2, i + 2 < count {
                let (b1, b2) = (utf8[i + 1], utf8[i + 2])
                if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2) {
                    return (i, 3, "\\u20" + hex(UInt32(b2) - 0x80, digits: 2))
                }
                if b1 == 0x81, (0xA6...0xA9).contains(b2) { return (i, 3, "\\u20" + hex(UInt32(b2) - 0x80 + 0x40, digits: 2)) }
            }
            i += 1
        }
        return nil
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
