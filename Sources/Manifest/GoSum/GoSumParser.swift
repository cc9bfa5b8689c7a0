import Versions

/// Parses go.sum and go.work.sum content: whitespace-separated `module version[/go.mod] hash` lines,
/// blank lines allowed (cmd/go's `readGoSum`), with each field checked.
public enum GoSumParser {
    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> GoSumFile {
        if let conflict = MergeConflict.firstMarker(in: text, path: path, regenerate: "then run `go mod tidy`") {
            throw conflict
        }
        var entries: [GoSumEntry] = []
        var errors: [Diagnostic] = []
        for line in TextLines(text) {
            let fields = line.fields
            if fields.isEmpty { continue }
            func fail(_ column: Int, _ message: String) {
                errors.append(Diagnostic(path: path, line: line.number, column: column, message: message))
            }
            guard fields.count == 3 else {
                fail(fields[0].column, "wrong number of fields \(fields.count), want 3: module version[/go.mod] hash")
                continue
            }
            var version = fields[1].text
            let goModOnly = version.hasSuffix("/go.mod")
            if goModOnly { version.removeLast("/go.mod".count) }
            guard GoVersion(version) != nil else {
                fail(fields[1].column, "invalid version \"\(fields[1].text)\": must be of the form v1.2.3 or v1.2.3/go.mod")
                continue
            }
            let hash = fields[2].text.utf8
            guard let colon = hash.firstIndex(of: UInt8(ascii: ":")), colon != hash.startIndex, hash.index(after: colon) != hash.endIndex else {
                fail(fields[2].column, "malformed hash \"\(fields[2].text)\": want an algorithm prefix such as h1:")
                continue
            }
            entries.append(GoSumEntry(path: fields[0].text, version: version, isGoModOnly: goModOnly,
                                      hash: fields[2].text, line: line.number))
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return GoSumFile(entries: entries)
    }
}
