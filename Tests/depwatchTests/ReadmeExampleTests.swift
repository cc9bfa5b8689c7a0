import DepwatchTestSupport
import Foundation
import Testing

/// The README's worked examples ("What it does, in commands", then "What is deployed: Go binaries"), run
/// as written: every command of the first `sh` block after each heading, in order, by a shell, in a
/// folder holding a copy of `examples/`, as a user on a fresh machine runs it after the quick start —
/// `depwatch` on the PATH, the default database (curated advisories only, created on first use),
/// `~/src/gcache` a clone of a gcache-like history (GcacheHistory), Go offline with gcache v0.0.1 served
/// from a file module proxy. Each command must exit 0 (an audit with findings: 1), and the output lines
/// shown under it (`#   …`, `…` standing for what is left out) must be in what it prints.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct ReadmeExampleTests {
    @Test func theWorkedExamplesRunAsWritten() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let story = try ReadmeExample.steps(in: readme)
        #expect(story.count >= 4, "the worked example: heap, heap diff, bisect, audit")
        let binaries = try ReadmeExample.steps(in: readme, after: ReadmeExample.binaryHeading)
        #expect(binaries.count >= 3, "build, deps, audit")
        let world = try ExampleWorld()
        for step in story + binaries {
            let result = try world.run(step.command)
            let expected: Int32 = step.command.hasPrefix("depwatch audit") ? 1 : 0
            #expect(result.status == expected, "\(step.command)\nexit \(result.status)\n\(result.stdout)\n\(result.stderr)")
            for excerpt in step.excerpts where !ReadmeExample.output(result.stdout + result.stderr, shows: excerpt) {
                Issue.record("\(step.command)\ndoes not print: \(excerpt)\nit printed:\n\(result.stdout)\(result.stderr)")
            }
        }
    }

    @Test(arguments: [
        ("a\n", "a", true), ("x 47.81 % y  z\n", "47.81 % … z", true), ("z 47.81 %\n", "47.81 % … z", false),
        ("a\nb\n", "a … b", false), ("  HIGH  id  leak\n", "HIGH  id  leak", true),
    ])
    func anExcerptMatchesOneLineWithItsPartsInOrder(_ output: String, _ excerpt: String, _ shown: Bool) {
        #expect(ReadmeExample.output(output, shows: excerpt) == shown)
    }

    @Test func commandsTheirContinuationsAndTheirOutputAreToldApart() throws {
        let readme = """
            # Intro
            ## What it does, in commands

            ```sh
            # What this does:
            depwatch one --flag \\
                --other
            #   shown … output
            #   second line

            # Next:
            depwatch two
            ```

            ```sh
            depwatch not-part-of-it
            ```
            """
        let steps = try ReadmeExample.steps(in: readme)
        #expect(steps.map(\.command) == ["depwatch one --flag --other", "depwatch two"])
        #expect(steps.map(\.excerpts) == [["shown … output", "second line"], []])
        #expect(throws: (any Error).self) { try ReadmeExample.steps(in: "# no example\n") }
    }
}

/// The commands of the README's worked example and the output it shows for them.
enum ReadmeExample {
    /// One command (continuation lines joined) and the output lines shown under it.
    struct Step: Equatable {
        var command: String
        var excerpts: [String]
    }

    /// The heading the worked example follows, and the one the binary example follows.
    static let heading = "## What it does, in commands", binaryHeading = "## What is deployed: Go binaries"

    /// The steps of the first `sh` block after `heading`.
    static func steps(in readme: String, after heading: String = heading) throws -> [Step] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heading = lines.firstIndex(of: heading),
              let open = lines[heading...].firstIndex(of: "```sh"),
              let close = lines[(open + 1)...].firstIndex(of: "```") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "README.md: no ```sh block after \(heading)"])
        }
        var steps: [Step] = [], continuing = false
        for line in lines[(open + 1)..<close] {
            if continuing, var last = steps.popLast() {
                last.command += " " + line.trimmingCharacters(in: .whitespaces)
                steps.append(last)
            } else if line.hasPrefix("#   "), var last = steps.popLast() {
                last.excerpts.append(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
                steps.append(last)
            } else if !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                steps.append(Step(command: line, excerpts: []))
            }
            continuing = !line.hasPrefix("#") && line.hasSuffix("\\")
            if continuing, var last = steps.popLast() {
                last.command = String(last.command.dropLast()).trimmingCharacters(in: .whitespaces)
                steps.append(last)
            }
        }
        return steps
    }

    /// Whether one line of `output` holds the parts of `excerpt` (split at `…`) in order.
    static func output(_ output: String, shows excerpt: String) -> Bool {
        let parts = excerpt.components(separatedBy: "…").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return output.split(separator: "\n").contains { line in
            var rest = line[...]
            for part in parts {
                guard let found = rest.range(of: part) else { return false }
                rest = rest[found.upperBound...]
            }
            return true
        }
    }
}

/// Where the worked examples run: a folder with a copy of examples/, a home of its own holding the
/// gcache clone, the module cache and (once depwatch makes it) the default database, a PATH with
/// depwatch and go, and a file module proxy serving gcache v0.0.1.
final class ExampleWorld {
    let directory: TemporaryDirectory
    let history: GcacheHistory
    var work: URL { directory.url.appendingPathComponent("work") }
    var environment: [String: String] = [:]

    init() throws {
        directory = try TemporaryDirectory()
        history = try GcacheHistory()
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("examples"), to: work.appendingPathComponent("examples"))
        let home = directory.path("home")
        try history.clone(to: home + "/src/gcache")
        let bin = directory.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("depwatch"), withDestinationURL: TestPaths.binary)
        let goroot = try GoToolchain.run(["env", "GOROOT"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path
        let proxy = try GoModuleProxy(root: directory.url.appendingPathComponent("proxy"))
        try proxy.add("github.com/bluele/gcache", "v0.0.1", files: ["go.mod": "module github.com/bluele/gcache\n",
                                                                    "lfu.go": GcacheHistory.source(fixed: false, revision: 0)])
        environment = [
            "HOME": home, "PATH": "\(bin.path):\(goroot)/bin:/usr/bin:/bin", "DEPWATCH_DB": "",
            "GOTOOLCHAIN": "local", "GOPROXY": proxy.url, "GOSUMDB": "off", "GOFLAGS": "", "GOWORK": "", "GOCACHE": cache,
        ]
    }

    /// Runs `command` with sh in the work folder.
    func run(_ command: String) throws -> CommandResult {
        try CommandRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: work, environment: environment)
    }
}
