import DepwatchTestSupport
import Foundation
import Testing
import Core
@testable import GoBinary

/// Function names read from the pclntab, against `go tool nm` from the same toolchain: every text symbol
/// nm lists is read; a stripped build (`-ldflags=-s -w`, which nm cannot read) gives exactly the same
/// functions; and what the compiler inlined is found all the same: every function nm lists in a build
/// without inlining (`-gcflags=all=-l`), for the program's packages and its modules', is read from the
/// default build, where most of them have no symbol of their own.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct FunctionTableTests {
    /// The text symbols (T and t) `go tool nm` lists for `path`, as the pclntab names them: without the
    /// `.abi0` suffix of assembly functions' symbols, and without the leading `_` Mach-O gives names without a
    /// dot (C-style names).
    static func nmText(_ path: String, machO: Bool = false) throws -> Set<String> {
        let result = try GoToolchain.run(["tool", "nm", path])
        guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        var names = Set<String>()
        for line in result.stdout.split(separator: "\n") {
            let fields = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2)
            guard fields.count == 3, fields[1] == "T" || fields[1] == "t" else { continue }
            var name = Substring(fields[2])
            if name.hasSuffix(".abi0") { name = name.dropLast(5) }
            if machO, name.hasPrefix("_"), !name.contains(".") { name = name.dropFirst() }
            names.insert(String(name))
        }
        return names
    }

    /// Linker-made markers nm lists as text that are not functions.
    static let markers: Set<String> = ["runtime.text", "runtime.etext", "go:buildid", "go:textsectionmap", "go:textfipsstart", "go:textfipsend"]

    @Test(arguments: [TestPrograms.Variant.plain, .linux386, .darwinArm64, .windows])
    func everyTextSymbolNmListsIsRead(_ variant: TestPrograms.Variant) throws {
        let path = try TestPrograms.shared.get().binary(variant)
        let functions = try #require(try GoBinary.read(path: path).functions())
        let missing = try Self.nmText(path, machO: variant == .darwinArm64).subtracting(Self.markers).subtracting(functions.compiled)
        #expect(missing.isEmpty, "\(missing.sorted().prefix(20))")
        #expect(functions.inlineTreesRead)
    }

    @Test func theStrippedTwinHasTheSameFunctions() throws {
        let programs = try TestPrograms.shared.get()
        let plain = try #require(try GoBinary.read(path: try programs.binary(.plain)).functions())
        let stripped = try #require(try GoBinary.read(path: try programs.binary(.stripped)).functions())
        #expect(stripped == plain)
        #expect(plain.compiled.count > 1000 && plain.inlined.count > 100, "\(plain.compiled.count) compiled, \(plain.inlined.count) inlined")
    }

    @Test(arguments: [TestPrograms.Variant.plain, .stripped])
    func whatWasInlinedIsFound(_ variant: TestPrograms.Variant) throws {
        let programs = try TestPrograms.shared.get()
        let unInlined = try Self.nmText(try programs.binary(.noInlining))
        let ours = try #require(try GoBinary.read(path: try programs.binary(variant)).functions()).all
        let packages = ["main.", "example.com/lib.", "example.com/local."]
        let expected = unInlined.filter { name in packages.contains { name.hasPrefix($0) } }
        #expect(expected.contains("example.com/local.Greeting") && expected.contains("example.com/lib.Parse"))
        let missing = expected.subtracting(ours)
        #expect(missing.isEmpty, "\(missing.sorted())")
        let defaultBuild = try Self.nmText(try programs.binary(.plain))
        #expect(!defaultBuild.contains("example.com/local.Greeting"), "Greeting is inlined in the default build, so nm cannot see it")
    }
}

extension FunctionTableTests {
    @Test func aPackageFilterKeepsExactlyThosePackagesFunctions() throws {
        let path = try TestPrograms.shared.get().binary(.plain)
        let binary = try GoBinary.read(path: path)
        let all = try #require(try binary.functions())
        let packages: Set<String> = ["example.com/lib", "strings"]
        let filtered = try #require(try binary.functions(filter: PackageFilter(packages: packages)))
        let expected = { (names: Set<String>) in names.filter { GoFunctionName.package(of: $0).map(packages.contains) ?? false } }
        #expect(filtered.compiled == expected(all.compiled) && filtered.inlined == expected(all.inlined))
        #expect(filtered.all.contains("example.com/lib.Parse") && filtered.all.contains("strings.Split"))
    }

    @Test(arguments: [
        ("gopkg.in/yaml%2ev2.Unmarshal", "gopkg.in/yaml.v2", true),
        ("github.com/bluele/gcache.(*LFUCache).Get", "github.com/bluele/gcache", true),
        ("github.com/bluele/gcache.Map[go.shape.*example.com/x.T]", "github.com/bluele/gcache", true),
        ("github.com/bluele/gcache.v2/lru.New", "github.com/bluele/gcache", false),
        ("github.com/bluele/gcachex.New", "github.com/bluele/gcache", false),
        ("net/http.(*conn).serve", "net/http", true),
        ("net/http/httputil.New", "net/http", false),
    ])
    func theFilterDecidesOnTheNamesBytes(_ name: String, _ package: String, _ kept: Bool) {
        let filter = PackageFilter(packages: [package])
        #expect(Array(name.utf8).withUnsafeBytes { filter.keeps($0) } == kept)
    }
}
