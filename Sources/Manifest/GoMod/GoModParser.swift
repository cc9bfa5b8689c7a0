import Core

/// Parses go.mod content with the grammar the current Go toolchain accepts (modfile's strict mode):
/// what `go mod edit` rejects is an error here, with its line and column. A go.mod without a `module`
/// directive is read like any other (`module` is `nil`), as `go mod edit -json` reads it; only the build
/// refuses it, and the inventory warns (`GoModFile.missingModuleWarning`).
public enum GoModParser {
    static let blockVerbs: Set<String> = ["module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]
    static let verbs: Set<String> = blockVerbs.union(["go", "toolchain"])

    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> GoModFile {
        let directives = try GoModSyntax.directives(in: text, path: path, blockVerbs: blockVerbs)
        var reader = GoDirectiveReader(path: path)
        var file = GoModFile()
        for directive in directives {
            apply(directive, to: &file, reader: &reader)
        }
        if !reader.errors.isEmpty { throw .invalid(reader.errors) }
        return file
    }

    private static func apply(_ d: GoModDirective, to file: inout GoModFile, reader: inout GoDirectiveReader) {
        switch d.verb {
        case "module": module(d, &file, &reader)
        case "go":
            if file.go != nil { return reader.fail(d, "repeated go statement") }
            file.go = reader.goVersion(d)
        case "toolchain":
            if file.toolchain != nil { return reader.fail(d, "repeated toolchain statement") }
            file.toolchain = reader.toolchain(d)
            file.toolchainLine = d.line
        case "godebug":
            if let setting = reader.godebug(d) { file.godebug.append(setting) }
        case "require", "exclude": requirement(d, &file, &reader)
        case "replace":
            if let replacement = reader.replacement(d) { file.replacements.append(replacement) }
        case "retract":
            if let retraction = retraction(d, &reader) { file.retractions.append(retraction) }
        case "tool", "ignore":
            guard d.arguments.count == 1 else { return reader.fail(d, "\(d.verb) directive expects exactly one argument") }
            guard let value = reader.string(d.arguments[0]) else { return }
            if d.verb == "tool" { file.tools.append(value) } else { file.ignores.append(value) }
        default:
            reader.fail(d, "unknown directive: \(TerminalText.excerpt(d.verb))" + suggestion(for: d.verb))
        }
    }

    private static func module(_ d: GoModDirective, _ file: inout GoModFile, _ reader: inout GoDirectiveReader) {
        if file.moduleLine != nil { return reader.fail(d, "repeated module statement") }
        file.moduleLine = d.line
        guard d.arguments.count == 1 else { return reader.fail(d, "usage: module module/path") }
        file.module = reader.string(d.arguments[0])
        let comment = (d.leadingComments + [d.suffixComment].compactMap { $0 }).first { $0.hasPrefix("Deprecated:") }
        file.deprecated = comment.map { String($0.dropFirst("Deprecated:".count)).trimmingSpaces() }
    }

    private static func requirement(_ d: GoModDirective, _ file: inout GoModFile, _ reader: inout GoDirectiveReader) {
        guard d.arguments.count == 2 else { return reader.fail(d, "usage: \(d.verb) module/path v1.2.3") }
        guard let path = reader.string(d.arguments[0]),
              let parsed = reader.parsedVersion(d.arguments[1], verb: d.verb, module: path),
              reader.checkMajor(d.arguments[1], verb: d.verb, module: path, version: parsed) else { return }
        let version = parsed.text
        if d.verb == "require" {
            let comment = d.suffixComment ?? ""
            let indirect = comment == "indirect" || comment.hasPrefix("indirect;")
            file.requirements.append(GoRequirement(path: path, version: version, indirect: indirect, line: d.line))
        } else {
            file.exclusions.append(GoExclusion(path: path, version: version, line: d.line))
        }
    }

    /// `retract v1.0.0` or `retract [v1.0.0, v1.1.0]`, with the comment as its rationale
    /// (modfile's `parseVersionInterval`, strict: nothing may follow).
    private static func retraction(_ d: GoModDirective, _ reader: inout GoDirectiveReader) -> GoRetraction? {
        var args = d.arguments[...]
        func version() -> String? {
            reader.version(args.removeFirst(), verb: "retract", module: "")
        }
        func expect(_ punctuation: String, _ message: String) -> Bool {
            guard args.first?.text == punctuation else { reader.fail(d, message); return false }
            args.removeFirst()
            return true
        }
        guard let first = args.first, first.text != "(" else {
            reader.fail(d, "expected '[' or version")
            return nil
        }
        let low: String, high: String
        if first.text == "[" {
            args.removeFirst()
            guard !args.isEmpty else { reader.fail(d, "expected version after '['"); return nil }
            guard let l = version(), expect(",", "expected ',' after version") else { return nil }
            guard !args.isEmpty else { reader.fail(d, "expected version after ','"); return nil }
            guard let h = version(), expect("]", "expected ']' after version") else { return nil }
            (low, high) = (l, h)
        } else {
            guard let v = version() else { return nil }
            (low, high) = (v, v)
        }
        if let extra = args.first {
            reader.fail(extra, "unexpected token after version: \"\(extra.text)\"")
            return nil
        }
        let rationale = d.suffixComment ?? d.leadingComments.joined(separator: "\n")
        return GoRetraction(low: low, high: high, rationale: rationale, line: d.line)
    }

    /// " (did you mean \"require\"?)" when `verb` is one edit away from a directive.
    static func suggestion(for verb: String, among known: Set<String> = verbs) -> String {
        guard verb.utf8.count <= 40 else { return "" }  // no directive is that long; no distance to compute
        let close = known.filter { editDistance($0, verb) <= 2 }.sorted()
        guard let best = close.min(by: { editDistance($0, verb) < editDistance($1, verb) }) else { return "" }
        return " (did you mean \"\(best)\"?)"
    }
}

/// Levenshtein distance between two short words.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return a.isEmpty ? b.count : row[b.count]
}
