/// What an advisory id may be. Ids name files (`db export` writes `<id>.json`, `bisect --record` its
/// advisory), so one from an untrusted export must be a plain file name: OSV's ids (`GO-2021-0001`,
/// `GHSA-…`, `RHSA-2023:1234`, `openSUSE-SU-2024:0001-1`, `x_DEPWATCH-2021-0001`) all are.
public enum AdvisoryID {
    /// The longest id accepted (OSV's are under 40 characters).
    public static let maximumLength = 128

    /// Why `id` is refused, or `nil` when it is a safe file name: only ASCII letters, digits and `-`, `_`,
    /// `.`, `:`, `+`; not starting with `.`; at most `maximumLength` characters.
    public static func problem(_ id: String) -> String? {
        guard id.utf8.count <= maximumLength else {
            return "the id is \(id.utf8.count) bytes long; at most \(maximumLength) are accepted"
        }
        if id.hasPrefix(".") { return "the id \"\(id)\" starts with \".\"; an id must be a plain file name" }
        if let bad = id.unicodeScalars.first(where: { !isAllowed($0) }) {
            let shown = bad.value < 0x20 || bad.value == 0x7F ? "a control character" : "\"\(bad)\""
            return "the id \"\(id)\" contains \(shown); an id may hold only letters, digits and - _ . : + (it names a file on export)"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", ":", "+": return true
        default: return false
        }
    }
}
