import DepwatchTestSupport
import Foundation
import Testing

/// A repository or an advisory never chooses where depwatch writes or what a terminal does.
@Suite struct HostileTreeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The path of the go.mod inside the hostile tree, as directory names from the root.
        var directories: [String]
        /// The path the refusal names; `nil` where libgit2 itself cannot parse the tree (an empty name).
        var refused: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an entry named ..", directories: [".."], refused: "../go.mod"),
        Case(name: "two levels of ..", directories: ["..", ".."], refused: "../../go.mod"),
        Case(name: "an entry named .", directories: ["."], refused: "./go.mod"),
        Case(name: "an empty entry name", directories: [""], refused: nil),
        Case(name: "a .git folder", directories: [".git"], refused: ".git/go.mod"),
        Case(name: ".git in another case", directories: ["sub", ".GiT"], refused: "sub/.GiT/go.mod"),
    ]

    static let attack = "module example.com/attacker\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"

    /// A repository whose `evil` branch holds a go.mod at `directories`, beside an ordinary go.mod.
    static func repository(_ c: Case) throws -> GitFixture {
        let fixture = try GitFixture()
        let main = try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n"])
        let ordinary = try fixture.blob("module example.com/svc\n\ngo 1.21\n")
        let top = try fixture.tree([(name: "go.mod", id: ordinary, isTree: false)] + (try treeEntries(fixture, c.directories)))
        try fixture.commit(tree: top, parent: main, branch: "evil")
        return fixture
    }

    /// The entries of the root that lead, through `directories`, to the attacker's go.mod.
    static func treeEntries(_ fixture: GitFixture, _ directories: [String]) throws -> [(name: String, id: String, isTree: Bool)] {
        var id = try fixture.tree([(name: "go.mod", id: try fixture.blob(attack), isTree: false)])
        for directory in directories.dropFirst().reversed() { id = try fixture.tree([(name: directory, id: id, isTree: true)]) }
        return [(name: directories[0], id: id, isTree: true)]
    }

    /// Every file below `directory`.
    static func files(below directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
    }

    @Test(arguments: cases)
    func diffRefusesTheTreeAndWritesNothing(_ c: Case) throws {
        let fixture = try Self.repository(c)
        let scratch = try TemporaryDirectory()
        let tmp = scratch.path("a/b/c")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let result = try CommandRun.depwatch(["diff", "--base", "main", "--head", "evil"], in: URL(fileURLWithPath: fixture.path),
                                             environment: ["DEPWATCH_DB": fixture.directory.path("db.sqlite"), "TMPDIR": tmp])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        if let refused = c.refused {
            #expect(result.stderr.contains("revision evil ("), "names the revision: \(result.stderr)")
            #expect(result.stderr.contains(URL(fileURLWithPath: fixture.path).standardizedFileURL.path), "names the repository: \(result.stderr)")
            #expect(result.stderr.contains("refusing the path \"\(refused)\""), "names the path: \(result.stderr)")
        }
        #expect(!result.stdout.contains("INTRODUCED"))
        #expect(Self.files(below: scratch.url.path).filter { !$0.hasPrefix("a") || $0.hasSuffix("go.mod") }.isEmpty)
        #expect(Self.files(below: tmp).isEmpty, "the scratch folder is removed: \(Self.files(below: tmp))")
        #expect(!Self.files(below: fixture.directory.url.path).contains { $0.hasSuffix("go.mod") && !$0.hasPrefix("repo/") },
                "no go.mod outside the repository")
    }

    @Test(arguments: cases)
    func scanRecordsTheRepositoryAsFailedAndWritesNothing(_ c: Case) throws {
        let fixture = try Self.repository(c)
        try fixture.git("checkout", "-q", "main")
        try fixture.git("update-ref", "refs/heads/main", try fixture.git("rev-parse", "evil"))
        let scratch = try TemporaryDirectory()
        let tmp = scratch.path("a/b/c")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let result = try CommandRun.depwatch(["scan", fixture.path, "--db", scratch.path("db.sqlite"), "--history", scratch.path("h.sqlite")],
                                             environment: ["TMPDIR": tmp])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        if let refused = c.refused { #expect(result.stderr.contains("refusing the path \"\(refused)\""), "\(result.stderr)") }
        #expect(Self.files(below: tmp).isEmpty)
        #expect(!Self.files(below: scratch.url.path).contains { $0.hasSuffix("go.mod") })
    }
}

/// Advisory ids become file names on export: one that is not a plain file name is refused at import.
@Suite struct HostileAdvisoryIDTests {
    /// An OSV advisory for `example.com/hostile` (fixed at 1.2.0) with the given id and summary, as JSON.
    static func advisory(id: String, summary: String = "a leak") -> String {
        let document: [String: Any] = [
            "schema_version": "1.3.1", "id": id, "modified": "2024-01-01T00:00:00Z", "summary": summary,
            "affected": [["package": ["ecosystem": "Go", "name": "example.com/hostile"],
                          "ranges": [["type": "SEMVER", "events": [["introduced": "0"], ["fixed": "1.2.0"]]]]]],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: ["x_DEPWATCH-/../../escape", "../x_DEPWATCH-1", "x_DEPWATCH-a/b", ".x_DEPWATCH-hidden", "x_DEPWATCH-\u{1B}[2J"])
    func importRefusesTheIdAndExportWritesNothingOutside(_ id: String) throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("in/hostile.json", Self.advisory(id: id))
        let db = dir.path("db.sqlite")
        let strict = try CommandRun.depwatch(["db", "import", file, "--db", db, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("hostile.json:1:"), "names the file and where: \(strict.stderr)")
        #expect(strict.stderr.contains("the id"), "says why: \(strict.stderr)")
        #expect(!strict.stderr.contains("\u{1B}"))
        let lenient = try CommandRun.depwatch(["db", "import", file, "--db", db])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("1 invalid"))
        let export = try CommandRun.depwatch(["db", "export", dir.path("out/x/y"), "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let everything = (FileManager.default.enumerator(atPath: dir.url.path)?.allObjects as? [String]) ?? []
        #expect(everything.filter { $0.hasSuffix(".json") }.sorted() == ["in/hostile.json", "out/x/y/x_DEPWATCH-2021-0001.json"])
    }
}

/// Control characters from advisories and manifests are escaped in every format for people and on
/// standard error; JSON escapes them itself.
@Suite struct TerminalEscapeTests {
    /// Clears the screen, retitles the window, writes the clipboard (OSC 52), a C1 CSI, a bidi override.
    static let payload = "leak\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}\u{9B}31m\u{202E}gnp.exe"

    /// Whether `text` holds a control character other than a line feed or a tab, or a bidi override.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{202E}"
        }
    }

    /// Whether `text` holds a C0 control character or DEL other than a line feed (JSON's own escaping).
    static func hasC0(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in (s.value < 0x20 && s != "\n") || s.value == 0x7F }
    }

    static func setUp() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let db = dir.path("db.sqlite")
        let file = try dir.write("advisory.json", HostileAdvisoryIDTests.advisory(id: "GO-2099-0001", summary: payload))
        let imported = try CommandRun.depwatch(["db", "import", file, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        try dir.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n\nrequire example.com/hostile v1.0.0\n")
        return (dir, db)
    }

    @Test(arguments: ["table", "markdown"])
    func auditFormatsForPeopleEscape(_ format: String) throws {
        let (dir, db) = try Self.setUp()
        let result = try CommandRun.depwatch(["audit", dir.path("svc"), "--format", format, "--db", db])
        #expect(result.status == 1)
        #expect(result.stdout.contains("GO-2099-0001"))
        #expect(!Self.hasControl(result.stdout), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("leak\\x1b[2J\\x1b]0;pwned\\x07"))
        #expect(result.stdout.contains("\\u009b31m\\u202egnp.exe"))
    }

    @Test(arguments: ["json", "sarif"])
    func machineFormatsKeepTheTextEscapedAsJSON(_ format: String) throws {
        let (dir, db) = try Self.setUp()
        let result = try CommandRun.depwatch(["audit", dir.path("svc"), "--format", format, "--db", db])
        #expect(!Self.hasC0(result.stdout))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect("\(object)".contains("pwned"))
    }

    @Test func queryTableEscapes() throws {
        let (dir, db) = try Self.setUp()
        let result = try withExtendedLifetime(dir) { try CommandRun.depwatch(["db", "query", "example.com/hostile@v1.0.0", "--db", db]) }
        #expect(result.stdout.contains("GO-2099-0001"))
        #expect(!Self.hasControl(result.stdout), "\(result.stdout.debugDescription)")
    }

    @Test(arguments: ["table", "markdown"])
    func diffFormatsEscape(_ format: String) throws {
        let (dir, db) = try Self.setUp()
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n"])
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.commit("hostile", ["go.mod": "module example.com/svc\n\ngo 1.21\n\nrequire example.com/hostile v1.0.0\n"])
        let result = try withExtendedLifetime(dir) {
            try CommandRun.depwatch(["diff", "--base", "main", "--head", "feature", "--format", format, "--db", db],
                                    in: URL(fileURLWithPath: fixture.path))
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("GO-2099-0001"))
        #expect(!Self.hasControl(result.stdout), "\(result.stdout.debugDescription)")
    }

    @Test(arguments: ["markdown", "html"])
    func reportFormatsEscape(_ format: String) throws {
        let (dir, db) = try Self.setUp()
        let fixture = try GitFixture()
        try fixture.commit("hostile", ["go.mod": "module example.com/svc\n\ngo 1.21\n\nrequire example.com/hostile v1.0.0\n"])
        let history = dir.path("history.sqlite")
        let scan = try CommandRun.depwatch(["scan", fixture.path, "--db", db, "--history", history])
        #expect(scan.status == 1, "\(scan.stderr)")
        let report = try CommandRun.depwatch(["report", "--format", format, "--history", history])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("GO-2099-0001"))
        #expect(!Self.hasControl(report.stdout), "\(report.stdout.debugDescription)")
    }

    @Test func depsTableEscapesManifestText() throws {
        let dir = try TemporaryDirectory()
        let resolved = """
        {"pins": [{"identity": "evil", "kind": "remoteSourceControl", "location": "https://github.com/o/evil\\u001b]0;pwned\\u0007",
                   "state": {"revision": "0123456789abcdef0123456789abcdef01234567", "version": "1.0.0\\u001b[2J"}}],
         "version": 2}
        """
        try dir.write("app/Package.resolved", resolved)
        let result = try CommandRun.depwatch(["deps", dir.path("app")])
        #expect(!Self.hasControl(result.stdout), "\(result.stdout.debugDescription)")
        #expect(!Self.hasControl(result.stderr), "\(result.stderr.debugDescription)")
    }

    @Test func errorsOnStandardErrorEscapeWhatTheyQuote() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module example.com/svc\n\nrequire example.com/a\u{1B}]0;pwned\u{07} v1.0.0\nfrobnicate \u{1B}[2J\n")
        let result = try CommandRun.depwatch(["deps", dir.path("svc")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("go.mod:"))
        #expect(!Self.hasControl(result.stderr), "\(result.stderr.debugDescription)")
        let audit = try CommandRun.depwatch(["audit", dir.path("svc"), "--db", dir.path("db.sqlite")])
        #expect(audit.status == 2)
        #expect(!Self.hasControl(audit.stderr), "\(audit.stderr.debugDescription)")
    }
}
