import Core
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
        try validate(utf8: Array(text.utf8), path: path)
    }

    /// `validate(_:path:)` over the file's UTF-8 bytes (`ManifestSource.utf8`), without making them a String.
    public static func validate(utf8 bytes: [UInt8], path: String) throws(ManifestError) {
        var collector = EntryCollector.none
        try parse(bytes, path: path, into: &collector)
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
        try highestFullVersions(utf8: Array(text.utf8), path: path)
    }

    /// `highestFullVersions(_:path:)` over the file's UTF-8 bytes.
    public static func highestFullVersions(utf8 bytes: [UInt8], path: String) throws(ManifestError) -> GoSumVersions {
        var collector = EntryCollector.highest(HighestVersions())
        try parse(bytes, path: path, into: &collector)
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
                let line = GoSumLine(buffer, from: lineStart)
                defer { lineStart = line.line.upperBound + 1 }
                if let marker = MergeConflict.marker(startingLine: buffer[line.line]) {
                    return MergeConflict.error(marker, path: path, line: number, regenerate: "then run `go mod tidy`")
                }
                switch check(line, buffer) {
                case .blank:
                    continue
                case .invalid(let field, let message):
                    errors.append(Diagnostic(.syntaxError, path: path, line: number, column: line.column(of: field, in: buffer), message: message))
                case .entry(let goModOnly):
                    switch collector {
                    case .none:
                        continue
                    case .entries(var entries):
                        collector = .none  // moved out, so appending does not copy the array
                        let version = line[1].dropLast(goModOnly ? goModSuffix.count : 0)
                        entries.append(GoSumEntry(path: text(buffer, line[0]), version: text(buffer, version), isGoModOnly: goModOnly,
                                                  hash: text(buffer, line[2]), line: number))
                        collector = .entries(entries)
                    case .highest(var highest):
                        guard !goModOnly else { continue }
                        collector = .none
                        highest.add(path: field(buffer, line[0]), version: field(buffer, line[1]), line: number)
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

    private static func field(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[range])
    }

    private static func text(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: field(buffer, range), as: UTF8.self)
    }

    /// What one line holds; an invalid line names the field its diagnostic points at.
    private enum LineVerdict {
        case blank
        case entry(goModOnly: Bool)
        case invalid(field: Int, message: String)
    }

    private static func check(_ line: GoSumLine, _ buffer: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        guard line.count > 0 else { return .blank }
        guard line.count == 3 else {
            return .invalid(field: 0, message: "wrong number of fields \(line.count), want 3: module version[/go.mod] hash")
        }
        var version = field(buffer, line[1])
        let goModOnly = version.count > goModSuffix.count && version.suffix(goModSuffix.count).elementsEqual(goModSuffix)
        if goModOnly { version = UnsafeBufferPointer(rebasing: version.dropLast(goModSuffix.count)) }
        guard GoVersion.isValid(utf8: version) else {
            return .invalid(field: 1, message: "invalid version \"\(text(buffer, line[1]))\": must be of the form v1.2.3 or v1.2.3/go.mod")
        }
        let hash = line[2]
        guard let colon = buffer[hash].firstIndex(of: UInt8(ascii: ":")), colon != hash.lowerBound, colon + 1 != hash.upperBound else {
            return .invalid(field: 2, message: "malformed hash \"\(text(buffer, hash))\": want an algorithm prefix such as h1:")
        }
        return .entry(goModOnly: goModOnly)
    }
}

/// The highest full-tree version of each module, gathered line by line: a module's lines are usually
/// next to each other, so its path String is made once; a version is parsed only when a module has a
/// second one to compare with.
private struct HighestVersions {
    private var best: [String: (text: String, parsed: GoVersion??, line: Int)] = [:]
    private var lastPath: String?

    mutating func add(path: UnsafeBufferPointer<UInt8>, version: UnsafeBufferPointer<UInt8>, line: Int) {
        let key: String
        if let last = lastPath, last.utf8.elementsEqual(path) {
            key = last
        } else {
            key = String(decoding: path, as: UTF8.self)
            lastPath = key
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
/// how many fields there are, found in the same pass that finds the line's end, without an allocation.
/// Columns are counted only for a diagnostic.
private struct GoSumLine {
    /// The line's bytes, without its newline.
    private(set) var line: Range<Int>
    /// How many fields the line has.
    private(set) var count = 0
    private var fields: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)

    /// The line that starts at `start` and ends before the next newline (or at the end of `buffer`).
    init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) {
        var index = start
        let end = buffer.count
        scan: while index < end {
            switch buffer[index] {
            case 0x0A: break scan
            case 0x20, 0x09, 0x0D: index += 1; continue scan
            default: break
            }
            let fieldStart = index
            field: while index < end {
                switch buffer[index] {
                case 0x0A, 0x20, 0x09, 0x0D: break field
                default: index += 1
                }
            }
            switch count {
            case 0: fields.0 = fieldStart..<index
            case 1: fields.1 = fieldStart..<index
            case 2: fields.2 = fieldStart..<index
            default: break
            }
            count += 1
        }
        line = start..<index
    }

    /// The range of field 0, 1 or 2.
    subscript(field: Int) -> Range<Int> {
        switch field {
        case 0: fields.0
        case 1: fields.1
        default: fields.2
        }
    }

    /// The 1-based column (in characters) where `field` starts.
    func column(of field: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        1 + buffer[line.lowerBound..<self[field].lowerBound].count { $0 & 0xC0 != 0x80 }
    }
}
