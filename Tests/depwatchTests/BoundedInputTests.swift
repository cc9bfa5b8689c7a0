import DepwatchTestSupport
import Foundation
import Testing

/// Hostile inputs of the classes an outside test found unbounded, generated here (never committed as large
/// files): each must end within its time and memory bounds, checked from the child's own accounting,
/// with the exit code and message a user can act on.
@Suite struct BoundedInputTests {
    /// A generated input, what depwatch is asked to do with it, and what must come out.
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        /// Writes the input into the directory; returns the arguments.
        var setUp: @Sendable (TemporaryDirectory) throws -> [String]
        var status: Int32
        var message: String
        var seconds: Double = 5
        var peakMiB: Double = 300
        /// The most bytes standard error may hold (a message quotes an excerpt, never the input).
        var stderrLimit = 4_096
    }

    static let cases: [Case] = [
        Case(description: "a Package.swift of 175 KB of `.package(` beside its Package.resolved", setUp: { directory in
            try directory.write("app/Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: \"x\", dependencies: [\n"
                                + String(repeating: ".package(", count: 175_000 / 9) + "\n")
            try directory.write("app/Package.resolved", #"{"pins": [], "version": 2}"#)
            return ["deps", directory.path("app")]
        }, status: 0, message: "", seconds: 3),
        Case(description: "a go.mod whose second line is 10 MB of garbage", setUp: { directory in
            try directory.write("svc/go.mod", "module x\n" + String(repeating: "A", count: 10_000_000) + "\n")
            return ["audit", directory.path("svc/go.mod"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "go.mod:2:1: unknown directive: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA… (10000000 bytes)"),
        Case(description: "a directory named go.mod, given as the file", setUp: { directory in
            try FileManager.default.createDirectory(atPath: directory.path("svc/go.mod"), withIntermediateDirectories: true)
            try directory.write("svc/go.mod/readme", "not a manifest\n")
            return ["audit", directory.path("svc/go.mod"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "svc/go.mod: cannot read the file: it is a directory, not a go.mod file"),
        Case(description: "a FIFO named go.mod, given as the file", setUp: { directory in
            try FileManager.default.createDirectory(atPath: directory.path("svc"), withIntermediateDirectories: true)
            guard mkfifo(directory.path("svc/go.mod"), 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["audit", directory.path("svc/go.mod"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "svc/go.mod: cannot read the file: it is not a regular file"),
        Case(description: "a FIFO as the advisory database", setUp: { directory in
            guard mkfifo(directory.path("db.sqlite"), 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["audit", TestPaths.packageRoot.appendingPathComponent("examples").path, "--db", directory.path("db.sqlite")]
        }, status: 2, message: "db.sqlite: not a usable advisory database (it is a FIFO, not a regular file; name a file)"),
        Case(description: "a directory as the advisory database", setUp: { directory in
            try FileManager.default.createDirectory(atPath: directory.path("db.sqlite"), withIntermediateDirectories: true)
            return ["db", "stats", "--db", directory.path("db.sqlite")]
        }, status: 2, message: "(it is a directory, not a regular file; name a file)"),
        Case(description: "a FIFO as the scan history", setUp: { directory in
            guard mkfifo(directory.path("history.sqlite"), 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["report", "--history", directory.path("history.sqlite"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "it is a FIFO, not a regular file"),
        Case(description: "a FIFO given to db import", setUp: { directory in
            guard mkfifo(directory.path("advisory.json"), 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["db", "import", directory.path("advisory.json"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "advisory.json: not a regular file or a directory"),
        Case(description: "a go.mod 3,000 directories deep (its path past PATH_MAX)", setUp: { directory in
            try nest(3_000, below: directory.path("deep"), file: "go.mod", contents: "module x\n\ngo 1.21\n")
            return ["audit", directory.path("deep"), "--db", directory.path("db.sqlite")]
        }, status: 3, message: "its path is longer than the system allows (PATH_MAX", stderrLimit: 16_384),
        Case(description: "a zip of 40 entries of 15 MB that deflate 1,000 to 1", setUp: { directory in
            let spaces = Data(#"{"id": "X", "modified": "2020-01-01T00:00:00Z", "summary": ""#.utf8) + Data(repeating: 0x20, count: 15 << 20) + Data(#""}"#.utf8)
            try TestZip.write(directory.url.appendingPathComponent("bomb.zip"), count: 40, name: { "a\($0).json" }, contents: { _ in spaces })
            return ["db", "import", directory.path("bomb.zip"), "--db", directory.path("db.sqlite")]
        }, status: 0, message: "entry inflates to over 100 times its compressed size (a zip bomb?)", seconds: 20, peakMiB: 200, stderrLimit: 16_384),
        Case(description: "a zip of 10,000 advisories", setUp: { directory in
            try TestZip.write(directory.url.appendingPathComponent("many.zip"), count: 10_000, name: { "GO-\($0).json" }, contents: { index in
                Data(#"{"id": "GO-\#(index)", "modified": "2020-01-01T00:00:00Z", "summary": "s", "affected": [{"package": {"ecosystem": "Go", "name": "example.com/m\#(index)"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}"#.utf8)
            })
            return ["db", "import", directory.path("many.zip"), "--db", directory.path("db.sqlite")]
        }, status: 0, message: "", seconds: 15, peakMiB: 200),
        Case(description: "a folder of 40 advisories of 10 MB each", setUp: { directory in
            let details = String(repeating: "0123456789abcdef", count: 10_000_000 / 16)
            for index in 0..<40 {
                try directory.write("big/X-\(index).json", #"{"id": "X-\#(index)", "modified": "2020-01-01T00:00:00Z", "summary": "s", "details": "\#(details)"}"#)
            }
            return ["db", "import", directory.path("big"), "--db", directory.path("db.sqlite")]
        }, status: 0, message: "", seconds: 30, peakMiB: 250),
        Case(description: "a depwatch.toml whose key is 10 MB", setUp: { directory in
            try directory.write("svc/go.mod", "module x\n")
            try directory.write("svc/depwatch.toml", String(repeating: "K", count: 10_000_000) + " = 1\n")
            return ["audit", directory.path("svc"), "--db", directory.path("db.sqlite")]
        }, status: 2, message: "depwatch.toml:1: unknown key \"KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK… (10000000 bytes)\""),
        Case(description: "a go.sum of one 10 MB line", setUp: { directory in
            try directory.write("svc/go.mod", "module x\n\ngo 1.16\n\nrequire example.com/a v1.0.0\n")
            try directory.write("svc/go.sum", String(repeating: "x", count: 10_000_000) + "\n")
            return ["deps", directory.path("svc")]
        }, status: 2, message: "go.sum:1:"),
    ]

    @Test(arguments: cases)
    func eachEndsWithinItsBounds(_ c: Case) throws {
        let directory = try TemporaryDirectory()
        // rm walks with descriptors: FileManager cannot remove a tree deeper than PATH_MAX.
        defer { _ = try? CommandRun.run(URL(fileURLWithPath: "/bin/rm"), ["-rf", directory.url.path]) }
        let arguments = try c.setUp(directory)
        let run = try MeasuredRun.depwatch(arguments, limit: c.seconds * 4)
        #expect(run.result.status == c.status, "\(run.result.stderr.prefix(500))")
        #expect(run.seconds < c.seconds, "\(run.seconds) s")
        #expect(run.peakMiB < c.peakMiB && run.peakMiB > 1, "\(run.peakMiB) MiB (above 1: the child was measured)")
        #expect(run.result.stderr.utf8.count <= c.stderrLimit, "\(run.result.stderr.utf8.count) bytes on stderr")
        if !c.message.isEmpty { #expect(run.result.stderr.contains(c.message), "\(run.result.stderr.prefix(500))") }
    }

    /// `depth` nested directories `d` below `root` and a file at the bottom, made with descriptors
    /// (`mkdirat`, `openat`): the bottom's path is longer than any path call accepts.
    static func nest(_ depth: Int, below root: String, file: String, contents: String) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var descriptor = open(root, O_RDONLY | O_DIRECTORY)
        for _ in 0..<depth {
            guard mkdirat(descriptor, "d", 0o755) == 0 else { throw CocoaError(.fileWriteUnknown) }
            let next = openat(descriptor, "d", O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        let handle = openat(descriptor, file, O_WRONLY | O_CREAT, 0o644)
        _ = Array(contents.utf8).withUnsafeBytes { write(handle, $0.baseAddress, $0.count) }
        close(handle)
        close(descriptor)
    }
}
