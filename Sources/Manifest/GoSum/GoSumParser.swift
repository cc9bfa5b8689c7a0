import Versions

/// Parses go.sum and go.work.sum content: whitespace-separated `module version[/go.mod] hash` lines,
/// blank lines allowed (cmd/go's `readGoSum`), with each field checked.
public enum GoSumParser {
    /// Checks every line of `text` as `parse` does, without keeping the entries (a go.mod from go 1.17 on
    /// lists every dependency itself; its go.sum is only checked).
    public static func validate(_ text: String, path: String) throws(ManifestError) {
        _ = try parse(text, path: path, keepingEntries: false)
    }

    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> GoSumFile {
        try parse(text, path: path, keepingEntries: true)
    }

    private static func parse(_ text: String, path: String, keepingEntries: Bool) throws(ManifestError) -> GoSumFile {
        let lines = TextLines(bytes: Array(text.utf8))
        if let conflict = MergeConflict.firstMarker(in: lines, path: path, regenerate: "then run `go mod tidy`") {
            throw conflict
        }
        var entries: [GoSumEntry] = []
        var errors: [Diagnostic] = []
        let suffix = Array("/go.mod".utf8)
        var fields: [(bytes: ArraySlice<UInt8>, column: Int)] = []
        fields.reserveCapacity(3)
        for line in lines {
            let more = line.firstFields(3, into: &fields)
            if fields.isEmpty { continue }
            func fail(_ column: Int, _ message: String) {
                errors.append(Diagnostic(path: path, line: line.number, column: column, message: message))
            }
            func text(_ index: Int) -> String { String(decoding: fields[index].bytes, as: UTF8.self) }
            guard fields.count == 3, !more else {
                fail(fields[0].column, "wrong number of fields \(line.fieldSlices.count), want 3: module version[/go.mod] hash")
                continue
            }
            var version = fields[1].bytes
            let goModOnly = version.count > suffix.count && version.suffix(suffix.count).elementsEqual(suffix)
            if goModOnly { version.removeLast(suffix.count) }
            guard GoVersion.isValid(utf8: version) else {
                fail(fields[1].column, "invalid version \"\(text(1))\": must be of the form v1.2.3 or v1.2.3/go.mod")
                continue
            }
            let hash = fields[2].bytes
            guard let colon = hash.firstIndex(of: UInt8(ascii: ":")), colon != hash.startIndex, colon + 1 != hash.endIndex else {
                fail(fields[2].column, "malformed hash \"\(text(2))\": want an algorithm prefix such as h1:")
                continue
            }
            if keepingEntries {
                entries.append(GoSumEntry(path: text(0), version: String(decoding: version, as: UTF8.self), isGoModOnly: goModOnly,
                                          hash: text(2), line: line.number))
            }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return GoSumFile(entries: entries)
    }
}
