import DepwatchTestSupport
import Foundation

/// Go programs built in the test, offline, in every form the binary reader must handle: a main module
/// that requires a module served from a file module proxy (`example.com/lib v1.2.0`, with its go.sum
/// hash) and a local module wired with `replace => ../local`; built plain, `-trimpath`, stripped
/// (`-ldflags=-s -w`), without cgo, for 32-bit linux/386, and cross-compiled for darwin (arm64, amd64)
/// and windows/amd64.
final class TestPrograms: @unchecked Sendable {
    /// One build: its name and what `go build` is given.
    struct Variant: Sendable, Hashable, CustomStringConvertible {
        var name: String
        var flags: [String] = []
        var environment: [String: String] = [:]
        var description: String { name }

        static let plain = Variant(name: "plain")
        static let trimpath = Variant(name: "trimpath", flags: ["-trimpath"])
        static let stripped = Variant(name: "stripped", flags: ["-ldflags=-s -w"])
        static let noCgo = Variant(name: "cgo-off", environment: ["CGO_ENABLED": "0"])
        static let linux386 = Variant(name: "linux-386", environment: ["GOOS": "linux", "GOARCH": "386"])
        static let darwinArm64 = Variant(name: "darwin-arm64", environment: ["GOOS": "darwin", "GOARCH": "arm64"])
        static let darwinAmd64 = Variant(name: "darwin-amd64", environment: ["GOOS": "darwin", "GOARCH": "amd64"])
        static let windows = Variant(name: "windows-amd64.exe", environment: ["GOOS": "windows", "GOARCH": "amd64"])
        static let noInlining = Variant(name: "no-inlining", flags: ["-gcflags=all=-l"])
        static let all: [Variant] = [.plain, .trimpath, .stripped, .noCgo, .linux386, .darwinArm64, .darwinAmd64, .windows, .noInlining]
    }

    /// The programs, built once per test run.
    static let shared = Result { try TestPrograms() }

    let directory: TemporaryDirectory
    private let environment: [String: String]
    private var built: [Variant: String] = [:]
    private let lock = NSLock()

    init() throws {
        directory = try TemporaryDirectory()
        let proxy = try GoModuleProxy(root: directory.url.appendingPathComponent("proxy"))
        try proxy.add("example.com/lib", "v1.2.0", files: ["go.mod": "module example.com/lib\n\ngo 1.21\n", "lib.go": Self.library])
        for (path, text) in Self.files { try directory.write(path, text) }
        var environment = proxy.environment(cache: directory.url.appendingPathComponent("modcache"))
        environment["GOCACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path
        self.environment = environment
    }

    /// The path of the program built as `variant` (built on first use).
    func binary(_ variant: Variant) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let path = built[variant] { return path }
        let output = directory.path("bin/" + variant.name)
        let result = try GoToolchain.run(["build"] + variant.flags + ["-o", output, "."], in: URL(fileURLWithPath: directory.path("app")),
                                         environment: environment.merging(variant.environment) { $1 })
        guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "go build \(variant): \(result.stderr)"]) }
        built[variant] = output
        return output
    }

    /// What `go version -m` prints for `path`: the Go version, and the lines below it without their tab.
    static func goVersionM(_ path: String) throws -> (version: String, lines: [String]) {
        let result = try GoToolchain.run(["version", "-m", path])
        guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let version = lines.first.map { String($0[$0.index($0.lastIndex(of: " ")!, offsetBy: 1)...]) } ?? ""
        return (version, lines.dropFirst().map { String($0.dropFirst()) })
    }

    static let library = """
        // Package lib parses and formats.
        package lib

        import "strings"

        // Parse splits a list.
        func Parse(s string) []string { return strings.Split(s, ",") }

        // Format joins a list.
        func Format(items []string) string { return strings.Join(items, ",") }
        """

    static let files: [String: String] = [
        "app/go.mod": """
            module example.com/app

            go 1.21

            require (
            	example.com/lib v1.2.0
            	example.com/local v0.1.0
            )

            replace example.com/local => ../local
            """,
        "app/main.go": """
            package main

            import (
            	"fmt"
            	"os"

            	"example.com/lib"
            	"example.com/local"
            )

            func main() {
            	fmt.Println(local.Greeting(os.Args[0]), lib.Parse(os.Args[0]))
            }
            """,
        "local/go.mod": "module example.com/local\n\ngo 1.21\n",
        "local/local.go": """
            // Package local is developed beside the app.
            package local

            // Greeting says hello to name.
            func Greeting(name string) string { return "hello, " + name }
            """,
    ]
}
