import Versions

/// Parses go.sum and go.work.sum content: whitespace-separated `module version[/go.mod] hash` lines,
/// blank lines allowed (cmd/go's `readGoSum`), with each field checked.
///
/// The text is walked once, over its bytes, with fields as index ranges: a go.sum is the largest file
/// depwatch reads (hundreds of KB), and from go 1.17 on it is only checked, so a well-formed line
/// costs no allocation unless the entries are kept.
public enum GoSumParser {
    /// Checks every line of `text` as `parse` does, without keeping the entries (a go.mod from go 1.17 on
    /// lists every dependency itself; its go.sum is only checked).
    public static func validate(_ text: String, path: String) throws(ManifestError) {
        var collector = EntryCollector.none
        try parse(Array(text.utf8), path: path, into: &collector)
    }

    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> GoSumFile {
        var collector = EntryCollector.entries([])
        try parse(Array(text.utf8), path: path, into: &collector)
        guard case .entries(let entries) = collector else { return GoSumFile(entries: []) }
        return GoSumFile(entries: entries)
    }

    /// Checks `text` as `parse` does and keeps, for each module with a full-tree hash, only its highest
    /// such version — what a go.mod below go 1.17 takes from its go.sum — without building an entry for
    /// every line (a go.sum holds thousands; the same as `parse(_:path:).highestFullVersions()`).
    public static func highestFullVersions(_ text: String, path: String) throws(ManifestError) -> GoSumVersions {
        var collector = EntryCollector.highest(HighestVersions())
        try parse(Array(text.utf8), path: path, into: &collector)
        guard case .highest(let highest) = collector else { return GoSumVersions(versions: [:]) }
        return highest.result
    }

    /// What a pass keeps of the lines it checks.
    private enum EntryCollector {
        case none
        case entries([GoSumEntry])
        case highest(HighestVersions)
    }

    private static func parse(_ bytes: [UInt8], path: String, into collector: inout EntryCollector) throws(ManifestError) {
        var errors: [Diagnostic] = []
        let conflict: ManifestError? = bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var number = 0
            while lineStart < buffer.count {
                number += 1
                let lineEnd = buffer[lineStart...].firstIndex(of: 0x0A) ?? buffer.count
                defer { lineStart = lineEnd + 1 }
                if let marker = MergeConflict.marker(startingLine: bytes[lineStart..<lineEnd]) {
                    return MergeConflict.error(marker, path: path, line: number, regenerate: "then run `go mod tidy`")
                }
                let line = GoSumLine(buffer, lineStart..<lineEnd)
                switch check(line, bytes) {
                case .blank:
                    continue
                case .invalid(let field, let message):
                    errors.append(Diagnostic(path: path, line: number, column: line.column(of: field, in: bytes), message: message))
                case .entry(let goModOnly):
                    switch collector {
                    case .none:
                        continue
                    case .entries(var entries):
                        collector = .none  // moved out, so appending does not copy the array
                        let version = line[1].dropLast(goModOnly ? goModSuffix.count : 0)
                        entries.append(GoSumEntry(path: text(bytes, line[0]), version: text(bytes, version), isGoModOnly: goModOnly,
                                                  hash: text(bytes, line[2]), line: number))
                        collector = .entries(entries)
                    case .highest(var highest):
                        guard !goModOnly else { continue }
                        collector = .none
                        highest.add(path: bytes[line[0]], version: bytes[line[1]], line: number)
                        collector = .highest(highest)
                    }
                }
            }
            return nil
        }
        if let conflict { throw conflict }
        if !errors.isEmpty { throw .invalid(errors) }
    }

    private static let goModSuffix = Array("/go.mod".utf8)

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// What one line holds; an invalid line names the field its diagnostic points at.
    private enum LineVerdict {
        case blank
        case entry(goModOnly: Bool)
        case invalid(field: Int, message: String)
    }

    private static func check(_ line: GoSumLine, _ bytes: [UInt8]) -> LineVerdict {
        guard line.count > 0 else { return .blank }
        guard line.count == 3 else {
            return .invalid(field: 0, message: "wrong number of fields \(line.count), want 3: module version[/go.mod] hash")
        }
        var version = bytes[line[1]]
        let goModOnly = version.count > goModSuffix.count && version.suffix(goModSuffix.count).elementsEqual(goModSuffix)
        if goModOnly { version.removeLast(goModSuffix.count) }
        guard GoVersion.isValid(utf8: version) else {
            return .invalid(field: 1, message: "invalid version \"\(text(bytes, line[1]))\": must be of the form v1.2.3 or v1.2.3/go.mod")
        }
        let hash = line[2]
        guard let colon = bytes[hash].firstIndex(of: UInt8(ascii: ":")), colon != hash.lowerBound, colon + 1 != hash.upperBound else {
            return .invalid(field: 2, message: "malformed hash \"\(text(bytes, hash))\": want an algorithm prefix such as h1:")
        }
        return .entry(goModOnly: goModOnly)
    }
}

/// The highest full-tree version of each module, gathered line by line: a module's lines are usually
/// next to each other, so its path String is made once; a version is parsed only when a module has a
/// second one to compare with.
private struct HighestVersions {
    private var best: [String: (text: String, parsed: GoVersion??, line: Int)] = [:]
    private var lastPath: (bytes: ArraySlice<UInt8>, text: String)?

    mutating func add(path: ArraySlice<UInt8>, version: ArraySlice<UInt8>, line: Int) {
        let key: String
        if let last = lastPath, last.bytes.elementsEqual(path) {
            key = last.text
        } else {
            key = String(decoding: path, as: UTF8.self)
            lastPath = (path, key)
        }
        guard let current = best[key] else {
            best[key] = (String(decoding: version, as: UTF8.self), nil, line)
            return
        }
        let currentVersion = current.parsed ?? GoVersion(current.text)
        let candidate = GoVersion(utf8: version)
        if GoVersion.compare(currentVersion, candidate) >= 0 {
            best[key] = (current.text, .some(currentVersion), current.line)
        } else {
            best[key] = (String(decoding: version, as: UTF8.self), .some(candidate), line)
        }
    }

    var result: GoSumVersions {
        GoSumVersions(versions: best.mapValues { GoSumVersions.Pin(version: $0.text, line: $0.line) })
    }
}

/// One go.sum line split at spaces, tabs and carriage returns: the ranges of its first three fields and
/// how many fields there are, without an allocation. Columns are counted only for a diagnostic.
private struct GoSumLine {
    let line: Range<Int>
    /// How many fields the line has.
    private(set) var count = 0
    private var fields: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)

    init(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
        self.line = line
        var index = line.lowerBound
        while index < line.upperBound {
            if Self.isSpace(buffer[index]) { index += 1; continue }
            let start = index
            while index < line.upperBound, !Self.isSpace(buffer[index]) { index += 1 }
            switch count {
            case 0: fields.0 = start..<index
            case 1: fields.1 = start..<index
            case 2: fields.2 = start..<index
            default: break
            }
            count += 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The range of field 0, 1 or 2.
    subscript(field: Int) -> Range<Int> {
        switch field {
        case 0: fields.0
        case 1: fields.1
        default: fields.2
        }
    }

    /// The 1-based column (in characters) where `field` starts.
    func column(of field: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[line.lowerBound..<self[field].lowerBound].count { $0 & 0xC0 != 0x80 }
    }
}
