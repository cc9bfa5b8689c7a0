import Core
import Versions

/// Reads the arguments of go.mod and go.work directives the way modfile's `parseToFile` does, and
/// collects the problems as diagnostics (Go reports every directive error, not only the first).
struct GoDirectiveReader {
    let path: String
    private(set) var errors: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    /// Records an error at the directive's line.
    mutating func fail(_ directive: GoModDirective, _ message: String) {
        errors.append(Diagnostic(.syntaxError, path: path, line: directive.line, column: directive.column, message: message))
    }

    /// Records an error at a token.
    mutating func fail(_ token: GoModToken, _ message: String) {
        errors.append(Diagnostic(.syntaxError, path: path, line: token.line, column: token.column, message: message))
    }

    /// An argument as a string: Go-unquoted if it is `"quoted"`; any other quote is an error.
    mutating func string(_ token: GoModToken) -> String? {
        // Over UTF-8 bytes: Character iteration (grapheme breaking) showed in profiles of large go.mod files.
        if token.text.utf8.first == UInt8(ascii: "\"") {
            guard let value = GoStringLiteral.unquote(token.text) else {
                fail(token, "invalid quoted string: invalid syntax")
                return nil
            }
            return value
        }
        if token.text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "`") }) {
            fail(token, "invalid quoted string: unquoted string cannot contain quote")
            return nil
        }
        return token.text
    }

    /// A module version, canonicalized as x/mod/module `CanonicalVersion` does (`v1.2` → `v1.2.0`,
    /// build metadata dropped except `+incompatible`).
    mutating func version(_ token: GoModToken, verb: String, module: String) -> String? {
        parsedVersion(token, verb: verb, module: module)?.text
    }

    /// `version(_:verb:module:)` with the version as parsed, for the checks that follow (parsing each
    /// requirement's version once rather than once per check).
    mutating func parsedVersion(_ token: GoModToken, verb: String, module: String) -> (text: String, parsed: GoVersion)? {
        guard let text = string(token) else { return nil }
        guard let version = GoVersion(text) else {
            let directive = module.isEmpty ? verb : "\(verb) \(module)"
            fail(token, "\(directive): version \"\(text)\" invalid: must be of the form v1.2.3")
            return nil
        }
        // Already canonical (the usual case): the text itself, without building it again.
        if !version.isShorthand, version.build == nil || version.isIncompatible { return (text, version) }
        return (version.moduleCanonical, version)
    }

    /// Checks the version against the module path's major-version suffix (`/v2` needs `v2.x.y`).
    mutating func checkMajor(_ token: GoModToken, verb: String, module: String, version: (text: String, parsed: GoVersion)) -> Bool {
        guard let split = GoModulePath.splitMajor(module) else {
            fail(token, "\(verb) \(module): invalid module path")
            return false
        }
        if let reason = GoModulePath.checkMajor(version.parsed, pathMajor: split.major) {
            fail(token, "\(verb) \(module): version \"\(version.text)\" invalid: \(reason)")
            return false
        }
        return true
    }

    /// `go 1.21`, `go 1.21.5`, `go 1.21rc1` (modfile's `GoVersionRE`).
    mutating func goVersion(_ directive: GoModDirective) -> String? {
        guard directive.arguments.count == 1 else {
            fail(directive, "go directive expects exactly one argument")
            return nil
        }
        let text = directive.arguments[0].text
        guard GoLanguageVersion.isValid(text) else {
            fail(directive.arguments[0], "invalid go version '\(text)': must match format 1.23.0")
            return nil
        }
        return text
    }

    /// `toolchain go1.21.5` or `toolchain default` (modfile's `ToolchainRE`).
    mutating func toolchain(_ directive: GoModDirective) -> String? {
        guard directive.arguments.count == 1 else {
            fail(directive, "toolchain directive expects exactly one argument")
            return nil
        }
        let text = directive.arguments[0].text
        guard text == "default" || text == "go1" || text.hasPrefix("go1.") else {
            fail(directive.arguments[0], "invalid toolchain version '\(text)': must match format go1.23.0 or default")
            return nil
        }
        return text
    }

    /// `godebug key=value`.
    mutating func godebug(_ directive: GoModDirective) -> GoDebugSetting? {
        guard directive.arguments.count == 1,
              !directive.arguments[0].text.contains(where: { "\"`',".contains($0) }),
              let equals = directive.arguments[0].text.firstIndex(of: "=") else {
            fail(directive, "usage: godebug key=value")
            return nil
        }
        let text = directive.arguments[0].text
        return GoDebugSetting(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]),
                              line: directive.line)
    }

    /// `replace old [v] => new [v]` (modfile's `parseReplace`).
    mutating func replacement(_ directive: GoModDirective) -> GoReplacement? {
        let verb = directive.verb
        let args = directive.arguments
        let arrow = args.count >= 2 && args[1].text == "=>" ? 1 : 2
        guard args.count >= arrow + 2, args.count <= arrow + 3, args[arrow].text == "=>" else {
            fail(directive, "usage: \(verb) module/path [v1.2.3] => other/module v1.4\n"
                 + "\t or \(verb) module/path [v1.2.3] => ../local/directory")
            return nil
        }
        guard let oldPath = string(args[0]) else { return nil }
        guard GoModulePath.splitMajor(oldPath) != nil else {
            fail(args[0], "\(verb) \(oldPath): invalid module path")
            return nil
        }
        var oldVersion: String?
        if arrow == 2 {
            guard let v = parsedVersion(args[1], verb: verb, module: oldPath),
                  checkMajor(args[1], verb: verb, module: oldPath, version: v) else { return nil }
            oldVersion = v.text
        }
        guard let newPath = string(args[arrow + 1]) else { return nil }
        var newVersion: String?
        if args.count == arrow + 2 {
            guard GoReplacement.isDirectoryPath(newPath) else {
                fail(args[arrow + 1], newPath.contains("@")
                     ? "replacement module must match format 'path version', not 'path@version'"
                     : "replacement module without version must be directory path (rooted or starting with . or ..)")
                return nil
            }
            if newPath.contains("\\") {
                fail(args[arrow + 1], "replacement directory appears to be Windows path (on a non-windows system)")
                return nil
            }
        } else {
            guard let v = version(args[arrow + 2], verb: verb, module: newPath) else { return nil }
            if GoReplacement.isDirectoryPath(newPath) {
                fail(args[arrow + 1], "replacement module directory path \"\(newPath)\" cannot have version")
                return nil
            }
            newVersion = v
        }
        return GoReplacement(old: GoModuleVersion(path: oldPath, version: oldVersion),
                             new: GoModuleVersion(path: newPath, version: newVersion), line: directive.line)
    }
}

/// Go language versions as the `go` directive writes them (`1.21`, `1.21.5`, `1.21rc1`).
public enum GoLanguageVersion {
    /// Whether `text` matches modfile's `GoVersionRE`:
    /// `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`.
    public static func isValid(_ text: String) -> Bool {
        var s = Substring(text)
        func number(allowZero: Bool) -> Bool {
            let digits = s.prefix(while: \.isASCIIDigit)
            guard let first = digits.first else { return false }
            if first == "0" && (!allowZero || digits.count > 1) { return false }
            s = s.dropFirst(digits.count)
            return true
        }
        guard number(allowZero: false), s.first == "." else { return false }
        s = s.dropFirst()
        guard number(allowZero: true) else { return false }
        if s.first == "." {
            s = s.dropFirst()
            guard number(allowZero: true) else { return false }
        }
        if s.isEmpty { return true }
        let letters = s.prefix(while: { $0 >= "a" && $0 <= "z" })
        let digits = s.dropFirst(letters.count)
        return !letters.isEmpty && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// Whether `version` is below `major.minor` (for example, below 1.17).
    public static func isBelow(_ version: String, major: Int, minor: Int) -> Bool {
        let parts = version.split(separator: ".", maxSplits: 2).map { Int($0.prefix(while: \.isASCIIDigit)) ?? 0 }
        let (a, b) = (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
        return a < major || (a == major && b < minor)
    }
}
