import Core
import Testing
@testable import Heap

/// Package paths from function names as Go writes them.
@Suite struct FrameNameTests {
    @Test(arguments: [
        ("github.com/bluele/gcache.(*LFUCache).increment", "github.com/bluele/gcache"),
        ("github.com/bluele/gcache.New.func1", "github.com/bluele/gcache"),
        ("example.com/lib.(*Cache[...]).Put", "example.com/lib"),
        ("example.com/lib.Map[go.shape.string,example.com/other.T].Get", "example.com/lib"),
        ("example.com/svc/internal/store.load.func2.1", "example.com/svc/internal/store"),
        ("gopkg.in/yaml%2ev2.Unmarshal", "gopkg.in/yaml.v2"),
        ("runtime.mallocgc", "runtime"),
        ("container/list.(*List).PushFront", "container/list"),
        ("main.main", "main"),
    ])
    func packagePath(_ function: String, _ package: String) {
        #expect(GoFunctionName.package(of: function) == package)
    }

    @Test(arguments: [
        ("example.com/ring.(*Ring[go.shape.string]).Push", "example.com/ring.(*Ring[...]).Push"),
        ("example.com/lib.Map[go.shape.string,example.com/other.T[go.shape.int]].Get", "example.com/lib.Map[...].Get"),
        ("example.com/lib.(*Cache[...]).Put", "example.com/lib.(*Cache[...]).Put"),
        ("main.main.func1", "main.main.func1"),
    ])
    func genericArgumentsAreWrittenAsTheRuntimeWritesThem(_ function: String, _ normalized: String) {
        #expect(GoFunctionName.normalized(function) == normalized)
    }

    @Test func addressesAndNamesWithoutADotHaveNoPackage() {
        #expect(GoFunctionName.package(of: "0x4a1b2c") == nil)
        #expect(GoFunctionName.package(of: "example.com/x/nodot") == nil)
    }

    @Test(arguments: [("runtime", true), ("container/list", true), ("internal/abi", true), ("main", false),
                      ("github.com/bluele/gcache", false), ("golang.org/x/text", false)])
    func standardLibrary(_ package: String, _ expected: Bool) {
        #expect(GoFunctionName.isStandardLibrary(package) == expected)
    }
}

/// The symbol a function is part of, in the Go vulnerability database's spelling.
@Suite struct GoFunctionSymbolTests {
    @Test(arguments: [
        ("example.com/lib.Parse", "example.com/lib", "Parse"),
        ("example.com/lib.(*Reader).Read", "example.com/lib", "Reader.Read"),
        ("example.com/lib.Reader.Read", "example.com/lib", "Reader.Read"),
        ("example.com/lib.Parse.func1.2", "example.com/lib", "Parse"),
        ("example.com/lib.(*Server).Serve.gowrap1", "example.com/lib", "Server.Serve"),
        ("example.com/lib.(*Reader).Read-fm", "example.com/lib", "Reader.Read"),
        ("example.com/ring.(*Ring[go.shape.string]).Push", "example.com/ring", "Ring.Push"),
        ("example.com/lib.Map[go.shape.int,go.shape.string]", "example.com/lib", "Map"),
        ("gopkg.in/yaml%2ev2.Unmarshal", "gopkg.in/yaml.v2", "Unmarshal"),
        ("gopkg.in/yaml%2ev2.(*parser).parse", "gopkg.in/yaml.v2", "parser.parse"),
        ("net/http.(*conn).serve.func1", "net/http", "conn.serve"),
        ("github.com/bluele/gcache.(*LFUCache).increment", "github.com/bluele/gcache", "LFUCache.increment"),
        ("main.main", "main", "main"),
    ])
    func theSymbolIsTheFunctionItIsPartOf(_ function: String, _ package: String, _ symbol: String) throws {
        let found = try #require(GoFunctionName.symbol(of: function))
        #expect(found.package == package && found.symbol == symbol)
    }
}
