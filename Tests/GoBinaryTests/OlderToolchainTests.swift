import DepwatchTestSupport
import Foundation
import Testing
import Core
@testable import GoBinary

/// Where Debian's golang-go 1.19 puts its toolchain.
let debianGo119 = "/usr/lib/go-1.19/bin/go"

/// Debian's Go 1.19 (`golang-go` on bookworm), where it is installed: its binaries have the 1.18-form
/// pclntab (magic 0xfffffff0) and 20-byte inline tree entries. The same checks as for Go 1.27: build
/// information against its own `go version -m`, every text symbol its `go tool nm` lists, the stripped
/// twin the same.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: debianGo119), "needs Debian's golang-go 1.19"))
struct OlderToolchainTests {
    static let go = debianGo119

    static let binaries = Result { () throws -> (directory: TemporaryDirectory, plain: String, stripped: String) in
        let directory = try TemporaryDirectory()
        try directory.write("app/go.mod", "module example.com/old\n\ngo 1.19\n")
        try directory.write("app/main.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n)\n\nfunc greet(s string) string { return \"hello, \" + s }\n\nfunc main() { fmt.Println(greet(strings.ToUpper(os.Args[0]))) }\n")
        for (name, flags) in [("plain", [String]()), ("stripped", ["-ldflags=-s -w"])] {
            let build = try CommandRun.run(URL(fileURLWithPath: go), ["build"] + flags + ["-o", directory.path(name), "."], in: directory.url.appendingPathComponent("app"),
                                           environment: ["GOPROXY": "off", "GOFLAGS": "", "GOTOOLCHAIN": "local"])
            guard build.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: build.stderr]) }
        }
        return (directory, directory.path("plain"), directory.path("stripped"))
    }

    @Test func buildInformationAndFunctionsAreRead() throws {
        let (_, plain, stripped) = try Self.binaries.get()
        let binary = try GoBinary.read(path: plain)
        let reference = try CommandRun.run(URL(fileURLWithPath: Self.go), ["version", "-m", plain])
        let lines = reference.stdout.split(separator: "\n").dropFirst().map { String($0.dropFirst()) }.filter { !$0.isEmpty }
        #expect(binary.buildInfo.moduleInfoLines == lines)
        #expect(binary.buildInfo.goVersion.hasPrefix("go1.19"))
        let functions = try #require(try binary.functions())
        let nm = try CommandRun.run(URL(fileURLWithPath: Self.go), ["tool", "nm", plain])
        let text = Set(nm.stdout.split(separator: "\n").compactMap { line -> String? in
            let fields = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2)
            guard fields.count == 3, fields[1] == "T" || fields[1] == "t" else { return nil }
            return String(fields[2].hasSuffix(".abi0") ? fields[2].dropLast(5) : fields[2])
        })
        // Go 1.18–1.20's linker writes bracketed parts as `[...]` in the pclntab (`type..eq.[...]runtime.Frame`
        // for nm's `type..eq.[2]runtime.Frame`): compared in that form.
        let missing = Set(text.subtracting(FunctionTableTests.markers).map(GoFunctionName.normalized)).subtracting(functions.compiled)
        #expect(missing.isEmpty, "\(missing.sorted().prefix(20))")
        #expect(functions.inlineTreesRead && functions.inlined.contains("main.greet"))
        #expect(try GoBinary.read(path: stripped).functions() == functions)
    }
}
