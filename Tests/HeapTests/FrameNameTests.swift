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
        #expect(FrameName.package(of: function) == package)
    }

    @Test(arguments: [
        ("example.com/ring.(*Ring[go.shape.string]).Push", "example.com/ring.(*Ring[...]).Push"),
        ("example.com/lib.Map[go.shape.string,example.com/other.T[go.shape.int]].Get", "example.com/lib.Map[...].Get"),
        ("example.com/lib.(*Cache[...]).Put", "example.com/lib.(*Cache[...]).Put"),
        ("main.main.func1", "main.main.func1"),
    ])
    func genericArgumentsAreWrittenAsTheRuntimeWritesThem(_ function: String, _ normalized: String) {
        #expect(FrameName.normalized(function) == normalized)
    }

    @Test func addressesAndNamesWithoutADotHaveNoPackage() {
        #expect(FrameName.package(of: "0x4a1b2c") == nil)
        #expect(FrameName.package(of: "example.com/x/nodot") == nil)
    }

    @Test(arguments: [("runtime", true), ("container/list", true), ("internal/abi", true), ("main", false),
                      ("github.com/bluele/gcache", false), ("golang.org/x/text", false)])
    func standardLibrary(_ package: String, _ expected: Bool) {
        #expect(FrameName.isStandardLibrary(package) == expected)
    }
}
