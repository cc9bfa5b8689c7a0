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
        Case(description: "a go.sum of one 10 MB line", setUp: { directory in
            try directory.write("svc/go.mod", "module x\n\ngo 1.16\n\nrequire example.com/a v1.0.0\n")
            try directory.write("svc/go.sum", String(repeating: "x", count: 10_000_000) + "\n")
            return ["deps", directory.path("svc")]
        }, status: 2, message: "go.sum:1:"),
    ]

    @Test(arguments: cases)
    func eachEndsWithinItsBounds(_ c: Case) throws {
        let directory = try TemporaryDirectory()
        let arguments = try c.setUp(directory)
        let run = try MeasuredRun.depwatch(arguments, limit: c.seconds * 4)
        #expect(run.result.status == c.status, "\(run.result.stderr.prefix(500))")
        #expect(run.seconds < c.seconds, "\(run.seconds) s")
        #expect(run.peakMiB < c.peakMiB, "\(run.peakMiB) MiB")
        #expect(run.result.stderr.utf8.count <= c.stderrLimit, "\(run.result.stderr.utf8.count) bytes on stderr")
        if !c.message.isEmpty { #expect(run.result.stderr.contains(c.message), "\(run.result.stderr.prefix(500))") }
    }
}
