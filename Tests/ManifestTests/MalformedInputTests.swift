import Testing
@testable import Manifest

/// One malformed input and the exact first diagnostic depwatch must give for it.
struct Malformed: CustomTestStringConvertible, Sendable {
    enum Format: Sendable { case goMod, goSum, goWork, packageResolved }

    var name: String
    var format: Format
    var text: String
    var expected: String

    var testDescription: String { name }

    /// The first diagnostic `text` produces, or `nil` if it parses.
    func firstDiagnostic() -> String? {
        let path = ["go.mod", "go.sum", "go.work", "Package.resolved"][[Format.goMod, .goSum, .goWork, .packageResolved].firstIndex(of: format)!]
        do {
            switch format {
            case .goMod: _ = try GoModParser.parse(text, path: path)
            case .goSum: _ = try GoSumParser.parse(text, path: path)
            case .goWork: _ = try GoWorkParser.parse(text, path: path)
            case .packageResolved: _ = try PackageResolvedParser.parse(text, path: path)
            }
            return nil
        } catch {
            return error.diagnostics.first?.description
        }
    }
}

@Suite struct MalformedInputTests {
    static let cases: [Malformed] = [
        // go.mod: lexical errors stop at the first one, as in Go.
        .init(name: "UTF-8 byte order mark", format: .goMod, text: "\u{FEFF}module x\n",
              expected: "go.mod:1:1: unexpected input character '\\ufeff'"),
        .init(name: "control character", format: .goMod, text: "module x\nrequire a \u{01}\n",
              expected: "go.mod:2:11: unexpected input character '\\x01'"),
        .init(name: "unterminated block", format: .goMod, text: "module x\nrequire (\n\ta v1.0.0\n",
              expected: "go.mod:4:1: syntax error (unterminated block started at go.mod:2:1)"),
        .init(name: "newline in string", format: .goMod, text: "module x\nrequire \"a\n",
              expected: "go.mod:2:11: unexpected newline in string"),
        .init(name: "EOF in string", format: .goMod, text: "module x\nrequire \"a",
              expected: "go.mod:2:9: unexpected EOF in string"),
        .init(name: "block comment", format: .goMod, text: "module x /* c */\n",
              expected: "go.mod:1:10: mod files must use // comments (not /* */ comments)"),
        .init(name: "text after closing paren", format: .goMod, text: "module x\nrequire (\n\ta v1.0.0\n) x\n",
              expected: "go.mod:4:3: syntax error (expected newline after closing paren)"),
        .init(name: "merge conflict in go.mod", format: .goMod,
              text: "module x\n<<<<<<< HEAD\nrequire a v1.0.0\n=======\nrequire a v1.1.0\n>>>>>>> feature\n",
              expected: "go.mod:2:1: merge conflict marker \"<<<<<<<\": the file was committed in the middle of a merge; resolve the conflict (then run `go mod tidy`)"),
        // go.mod: directive errors.
        .init(name: "version without v", format: .goMod, text: "module x\nrequire a 1.0.0\n",
              expected: "go.mod:2:11: require a: version \"1.0.0\" invalid: must be of the form v1.2.3"),
        .init(name: "major version suffix mismatch", format: .goMod, text: "module x\nrequire b/v2 v1.0.0\n",
              expected: "go.mod:2:14: require b/v2: version \"v1.0.0\" invalid: should be v2, not v1"),
        .init(name: "v2 without suffix or +incompatible", format: .goMod, text: "module x\nrequire c v2.0.0\n",
              expected: "go.mod:2:11: require c: version \"v2.0.0\" invalid: should be v0 or v1, not v2"),
        .init(name: "unknown directive", format: .goMod, text: "module x\nrequires c v1.0.0\n",
              expected: "go.mod:2:1: unknown directive: requires (did you mean \"require\"?)"),
        .init(name: "replacement without version is not a directory", format: .goMod, text: "module x\nreplace a => b\n",
              expected: "go.mod:2:14: replacement module without version must be directory path (rooted or starting with . or ..)"),
        .init(name: "replacement written path@version", format: .goMod, text: "module x\nreplace a => b@v1.0.0\n",
              expected: "go.mod:2:14: replacement module must match format 'path version', not 'path@version'"),
        .init(name: "directory replacement with a version", format: .goMod, text: "module x\nreplace a => ../a v1.0.0\n",
              expected: "go.mod:2:14: replacement module directory path \"../a\" cannot have version"),
        .init(name: "four-part go version", format: .goMod, text: "module x\ngo 1.2.3.4\n",
              expected: "go.mod:2:4: invalid go version '1.2.3.4': must match format 1.23.0"),
        .init(name: "toolchain without go prefix", format: .goMod, text: "module x\ntoolchain 1.21\n",
              expected: "go.mod:2:11: invalid toolchain version '1.21': must match format go1.23.0 or default"),
        .init(name: "repeated module", format: .goMod, text: "module x\nmodule y\n",
              expected: "go.mod:2:1: repeated module statement"),
        .init(name: "repeated go", format: .goMod, text: "module x\ngo 1.21\ngo 1.22\n",
              expected: "go.mod:3:1: repeated go statement"),
        .init(name: "require without version", format: .goMod, text: "module x\nrequire a\n",
              expected: "go.mod:2:1: usage: require module/path v1.2.3"),
        .init(name: "go block", format: .goMod, text: "module x\ngo (\n\t1.21\n)\n",
              expected: "go.mod:2:1: unknown block type: go"),
        .init(name: "godebug without value", format: .goMod, text: "module x\ngodebug foo\n",
              expected: "go.mod:2:1: usage: godebug key=value"),
        .init(name: "retract interval without comma", format: .goMod, text: "module x\nretract [v1.2.0 v1.0.0]\n",
              expected: "go.mod:2:1: expected ',' after version"),
        .init(name: "retract with two versions", format: .goMod, text: "module x\nretract v1.0.0 v1.1.0\n",
              expected: "go.mod:2:16: unexpected token after version: \"v1.1.0\""),
        .init(name: "single-quoted module path", format: .goMod, text: "module 'x'\n",
              expected: "go.mod:1:8: invalid quoted string: unquoted string cannot contain quote"),
        // go.sum
        .init(name: "go.sum line with four fields", format: .goSum, text: "a v1.0.0 h1:abc= extra\n",
              expected: "go.sum:1:1: wrong number of fields 4, want 3: module version[/go.mod] hash"),
        .init(name: "go.sum version without v", format: .goSum, text: "a v1.0.0 h1:abc=\na 1.0.0/go.mod h1:abc=\n",
              expected: "go.sum:2:3: invalid version \"1.0.0/go.mod\": must be of the form v1.2.3 or v1.2.3/go.mod"),
        .init(name: "go.sum hash without algorithm", format: .goSum, text: "a v1.0.0 abc\n",
              expected: "go.sum:1:10: malformed hash \"abc\": want an algorithm prefix such as h1:"),
        // go.work
        .init(name: "go.work use with two directories", format: .goWork, text: "go 1.21\nuse ./a ./b\n",
              expected: "go.work:2:1: usage: use local/dir"),
        .init(name: "go.work require", format: .goWork, text: "go 1.21\nrequire a v1.0.0\n",
              expected: "go.work:2:1: unknown directive: require"),
        // Package.resolved
        .init(name: "unknown format version", format: .packageResolved, text: "{\n  \"pins\" : [],\n  \"version\" : 4\n}\n",
              expected: "Package.resolved:3:15: unknown Package.resolved format version 4; depwatch reads versions 1, 2 and 3"),
        .init(name: "duplicate identity", format: .packageResolved, text: """
            {"version": 2, "pins": [
              {"identity": "a", "kind": "remoteSourceControl", "location": "https://x/a", "state": {"version": "1.0.0", "revision": "1"}},
              {"identity": "A", "kind": "remoteSourceControl", "location": "https://y/a", "state": {"version": "1.1.0", "revision": "2"}}
            ]}
            """,
              expected: "Package.resolved:3:3: duplicate pin for identity \"A\" (first at line 2); regenerate the file with `swift package resolve`"),
        .init(name: "merge conflict markers", format: .packageResolved,
              text: "{\n  \"pins\" : [\n<<<<<<< HEAD\n  ],\n=======\n  ],\n>>>>>>> main\n  \"version\" : 2\n}\n",
              expected: "Package.resolved:3:1: merge conflict marker \"<<<<<<<\": the file was committed in the middle of a merge; resolve the conflict (then run `swift package resolve`)"),
        .init(name: "trailing comma", format: .packageResolved, text: "{\n  \"pins\" : [],\n  \"version\" : 2,\n}\n",
              expected: "Package.resolved:4:1: unexpected character '}'; expected a member name in quotes"),
        .init(name: "pin without state", format: .packageResolved,
              text: "{\"version\": 2, \"pins\": [\n  {\"identity\": \"a\", \"kind\": \"remoteSourceControl\", \"location\": \"https://x/a\"}\n]}\n",
              expected: "Package.resolved:2:3: pin has no \"state\" object"),
        .init(name: "pin version that is not SemVer", format: .packageResolved,
              text: "{\"version\": 2, \"pins\": [\n  {\"identity\": \"a\", \"kind\": \"remoteSourceControl\", \"location\": \"https://x/a\",\n   \"state\": {\"version\": \"1.0\"}}\n]}\n",
              expected: "Package.resolved:3:25: invalid version \"1.0\": a pinned version must be a semantic version like 1.2.3"),
        .init(name: "unknown pin kind", format: .packageResolved,
              text: "{\"version\": 2, \"pins\": [\n  {\"identity\": \"a\", \"kind\": \"svn\", \"location\": \"x\", \"state\": {\"revision\": \"1\"}}\n]}\n",
              expected: "Package.resolved:2:29: unknown pin kind \"svn\"; expected remoteSourceControl, localSourceControl or registry"),
        .init(name: "not JSON at all", format: .packageResolved, text: "pins: []\n",
              expected: "Package.resolved:1:1: unexpected character 'p'; expected a JSON value"),
        .init(name: "format 1 without object.pins", format: .packageResolved, text: "{\"version\": 1, \"object\": {}}\n",
              expected: "Package.resolved:1:26: missing \"object.pins\" array (format 1)"),
    ]

    @Test func tableHasAtLeastTwentyCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func malformedInputFailsWithExactDiagnostic(_ c: Malformed) {
        #expect(c.firstDiagnostic() == c.expected)
    }
}
