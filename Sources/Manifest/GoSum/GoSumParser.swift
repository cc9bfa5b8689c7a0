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
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = fieldsWithColumns(rawLine)
            if fields.isEmpty { continue }
            let line = index + 1
            func fail(_ column: Int, _ message: String) {
                errors.append(Diagnostic(path: path, line: line, column: column, message: message))
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
            guard let colon = fields[2].text.firstIndex(of: ":"), colon != fields[2].text.startIndex,
                  fields[2].text.index(after: colon) != fields[2].text.endIndex else {
                fail(fields[2].column, "malformed hash \"\(fields[2].text)\": want an algorithm prefix such as h1:")
                continue
            }
            entries.append(GoSumEntry(path: fields[0].text, version: version, isGoModOnly: goModOnly,
                                      hash: fields[2].text, line: line))
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return GoSumFile(entries: entries)
    }

    /// The whitespace-separated fields of a line with their 1-based columns.
    static func fieldsWithColumns(_ line: Substring) -> [(text: String, column: Int)] {
        var fields: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in line.enumerated() {
            if character == " " || character == "\t" || character == "\r" {
                if !current.isEmpty { fields.append((current, start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append((current, start + 1)) }
        return fields
    }
}
