import Core
/// Parses go.work content (modfile's `ParseWork`): `go`, `toolchain`, `godebug`, `use`, `replace`.
public enum GoWorkParser {
    static let blockVerbs: Set<String> = ["godebug", "use", "replace"]
    static let verbs: Set<String> = blockVerbs.union(["go", "toolchain"])

    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> GoWorkFile {
        let directives = try GoModSyntax.directives(in: text, path: path, blockVerbs: blockVerbs)
        var reader = GoDirectiveReader(path: path)
        var file = GoWorkFile()
        for d in directives {
            switch d.verb {
            case "go":
                if file.go != nil { reader.fail(d, "repeated go statement"); continue }
                file.go = reader.goVersion(d)
            case "toolchain":
                if file.toolchain != nil { reader.fail(d, "repeated toolchain statement"); continue }
                file.toolchain = reader.toolchain(d)
            case "godebug":
                if let setting = reader.godebug(d) { file.godebug.append(setting) }
            case "use":
                guard d.arguments.count == 1 else { reader.fail(d, "usage: use local/dir"); continue }
                if let directory = reader.string(d.arguments[0]) {
                    file.uses.append(GoWorkUse(directory: directory, line: d.line))
                }
            case "replace":
                if let replacement = reader.replacement(d) { file.replacements.append(replacement) }
            default:
                reader.fail(d, "unknown directive: \(TerminalText.excerpt(d.verb))" + GoModParser.suggestion(for: d.verb, among: verbs))
            }
        }
        if !reader.errors.isEmpty { throw .invalid(reader.errors) }
        return file
    }
}
