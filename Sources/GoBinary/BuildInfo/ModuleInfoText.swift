import Core

/// The module information text a Go binary embeds (what `runtime/debug.ReadBuildInfo` parses): lines of
/// tab-separated fields — `path`, `mod`, `dep`, `=>` (the replacement of the module line above it) and
/// `build KEY=VALUE` (key and value quoted as Go quotes them when they hold spaces, tabs, quotes or `=`).
enum ModuleInfoText {
    /// A problem at a byte offset of the text.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Fills `info` from `text`.
    static func parse(_ text: String, into info: inout GoBuildInfo) throws(Failure) {
        var offset = 0
        var lastWasModule = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.utf8.count + 1 }
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let isModule = ["mod", "dep"].contains(fields[0])
            defer { lastWasModule = isModule }
            switch fields[0] {
            case "path":
                guard fields.count == 2 else { throw Failure(offset: offset, message: "a path line has \(fields.count - 1) fields, not 1") }
                info.path = fields[1]
            case "mod", "dep":
                let module = GoBuiltModule(module: try version(fields, at: offset))
                if fields[0] == "mod" { info.main = module } else { info.dependencies.append(module) }
            case "=>":
                guard lastWasModule else { throw Failure(offset: offset, message: "a replacement (=>) that follows no mod or dep line") }
                let replacement = try version(fields, at: offset, replacement: true)
                if info.dependencies.isEmpty { info.main?.replacement = replacement } else { info.dependencies[info.dependencies.count - 1].replacement = replacement }
            case "build":
                guard fields.count == 2 else { throw Failure(offset: offset, message: "a build line has \(fields.count - 1) fields, not 1") }
                info.settings.append(try setting(fields[1], at: offset))
            default:
                throw Failure(offset: offset, message: "unknown line kind \"\(TerminalText.escape(String(fields[0].prefix(40))))\"")
            }
        }
    }

    /// A `mod`, `dep` or `=>` line's module: path, version (`(devel)` for a directory; empty before Go
    /// 1.18), sum.
    private static func version(_ fields: [String], at offset: Int, replacement: Bool = false) throws(Failure) -> GoModuleVersion {
        guard (3...4).contains(fields.count), !fields[1].isEmpty, replacement || !fields[2].isEmpty else {
            throw Failure(offset: offset, message: "a \(fields[0]) line needs a module path, a version and an optional sum")
        }
        return GoModuleVersion(path: fields[1], version: fields[2], sum: fields.count == 4 && !fields[3].isEmpty ? fields[3] : nil)
    }

    /// `KEY=VALUE`, either side possibly a quoted Go string.
    private static func setting(_ text: String, at offset: Int) throws(Failure) -> GoBuildSetting {
        let (key, rest) = try quotedOrPlain(text[...], until: "=", at: offset)
        guard rest.first == "=" else { throw Failure(offset: offset, message: "a build setting without =") }
        let (value, tail) = try quotedOrPlain(rest.dropFirst(), until: nil, at: offset)
        guard tail.isEmpty, !key.isEmpty else { throw Failure(offset: offset, message: "a malformed build setting") }
        return GoBuildSetting(key: key, value: value)
    }

    /// A quoted Go string, or the text up to `stop`; and what follows it.
    private static func quotedOrPlain(_ text: Substring, until stop: Character?, at offset: Int) throws(Failure) -> (String, Substring) {
        guard text.first == "\"" else {
            let end = stop.flatMap { text.firstIndex(of: $0) } ?? text.endIndex
            return (String(text[..<end]), text[end...])
        }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            if text[index] == "\\" { index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex; continue }
            if text[index] == "\"" {
                let literal = text[...index]
                guard let value = GoStringLiteral.unquote(String(literal)) else { break }
                return (value, text[text.index(after: index)...])
            }
            index = text.index(after: index)
        }
        throw Failure(offset: offset, message: "a build setting with an unterminated or invalid quoted string")
    }
}
