import DepwatchTestSupport
import Foundation

/// A Go module repository with a history like gcache's: a small LFU cache (`example.com/lfu`) over 26
/// commits, without a go.mod at first (as old Go libraries were), where commit 10 starts leaving empty
/// frequency buckets behind (the leak) and commit 19 removes them again (the fix), with release tags along
/// the way; beside it, a service that requires the module and a memory-object test program.
struct LeakyCacheFixture {
    /// The commit that introduces the leak, and the one that fixes it.
    static let leak = 10, fix = 19
    /// Tags by commit index.
    static let tags = [0: "v0.1.0", 5: "v0.2.0", 9: "v0.3.0", 12: "v0.3.1", 15: "v0.4.0", 21: "v0.5.0", 25: "v0.6.0"]

    let library: GitFixture
    /// The commit ids, oldest first.
    let commits: [String]
    /// The consumer project (a Go module requiring example.com/lfu).
    let project: String

    init() throws {
        library = try GitFixture()
        var commits: [String] = []
        for index in 0..<26 {
            var files: [String: String?] = ["lfu.go": Self.source(at: index)]
            if index == 6 { files["go.mod"] = "module example.com/lfu\n\ngo 1.19\n" }
            files["CHANGES"] = (0...index).map { "change \($0)\n" }.joined()
            let date = String(format: "2021-02-%02dT10:%02d:00Z", 1 + index / 2, index)
            commits.append(try library.commit(Self.message(index), files, date: date))
            if let tag = Self.tags[index] { try library.git("tag", "-a", tag, "-m", "release \(tag)") }
        }
        self.commits = commits
        project = library.directory.path("service")
        let directory = library.directory
        try directory.write("service/go.mod", "module example.com/service\n\ngo 1.19\n\nrequire example.com/lfu v0.1.0\n")
        try directory.write("service/go.sum", "example.com/unrelated v1.0.0/go.mod h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
        try directory.write("service/memtest/main.go", Self.memoryTest)
    }

    static func message(_ index: Int) -> String {
        switch index {
        case 0: return "lfu: a least-frequently-used cache"
        case leak: return "lfu: simplify increment"
        case fix: return "lfu: remove an empty bucket when its last item leaves (fixes the leak)"
        default: return "lfu: housekeeping \(index)"
        }
    }

    /// lfu.go at commit `index`: correct before `leak` and from `fix` on.
    static func source(at index: Int) -> String {
        let leaky = index >= leak && index < fix
        let removeEmpty = leaky ? "\t\t// the bucket stays, empty\n" : "\t\tdelete(c.buckets, it.freq)\n"
        let extra = index >= 2 ? "\n// Len is the number of items.\nfunc (c *Cache) Len() int { return len(c.items) }\n" : ""
        return """
            // Package lfu is a least-frequently-used cache (revision \(index)).
            package lfu

            // Cache keeps at most capacity items, evicting the least frequently used.
            type Cache struct {
            \tcapacity int
            \titems    map[int]*item
            \tbuckets  map[int]*bucket
            \tminFreq  int
            }

            type item struct {
            \tkey   int
            \tvalue []byte
            \tfreq  int
            }

            type bucket struct{ items map[int]*item }

            // New makes a cache of the given capacity.
            func New(capacity int) *Cache {
            \treturn &Cache{capacity: capacity, items: map[int]*item{}, buckets: map[int]*bucket{}}
            }

            // Get returns the value of key and counts the access.
            func (c *Cache) Get(key int) ([]byte, bool) {
            \tit, ok := c.items[key]
            \tif !ok {
            \t\treturn nil, false
            \t}
            \tc.increment(it)
            \treturn it.value, true
            }

            // Set stores value under key, evicting when full.
            func (c *Cache) Set(key int, value []byte) {
            \tif it, ok := c.items[key]; ok {
            \t\tit.value = value
            \t\tc.increment(it)
            \t\treturn
            \t}
            \tif len(c.items) >= c.capacity {
            \t\tc.evict()
            \t}
            \tit := &item{key: key, value: value, freq: 1}
            \tc.items[key] = it
            \tc.bucket(1).items[key] = it
            \tc.minFreq = 1
            }

            func (c *Cache) bucket(freq int) *bucket {
            \tb, ok := c.buckets[freq]
            \tif !ok {
            \t\tb = &bucket{items: map[int]*item{}}
            \t\tc.buckets[freq] = b
            \t}
            \treturn b
            }

            func (c *Cache) increment(it *item) {
            \told := c.buckets[it.freq]
            \tdelete(old.items, it.key)
            \tif len(old.items) == 0 {
            \(removeEmpty)\t\tif c.minFreq == it.freq {
            \t\t\tc.minFreq++
            \t\t}
            \t}
            \tit.freq++
            \tc.bucket(it.freq).items[it.key] = it
            }

            func (c *Cache) evict() {
            \tb := c.buckets[c.minFreq]
            \tfor key, it := range b.items {
            \t\tdelete(b.items, key)
            \t\tdelete(c.items, key)
            \t\tif len(b.items) == 0 {
            \t\t\tdelete(c.buckets, it.freq)
            \t\t}
            \t\treturn
            \t}
            }
            \(extra)
            """
    }

    /// The memory-object test: a Zipf workload, two collections, then the number of heap objects.
    /// The memory-object test: prints the heap's object count (for `--metric`) and, when depwatch asks
    /// for one (`$DEPWATCH_HEAP_PROFILE`, for `--heap-profile`), writes a heap profile sampling one
    /// allocation per 512 bytes (sampling every one made the bisection four times slower; the owned
    /// counts are pprof's scaled estimates).
    static let memoryTest = """
        package main

        import (
        \t"fmt"
        \t"math/rand"
        \t"os"
        \t"runtime"
        \t"runtime/pprof"

        \t"example.com/lfu"
        )

        func main() {
        \tprofile := os.Getenv("DEPWATCH_HEAP_PROFILE")
        \tif profile != "" {
        \t\truntime.MemProfileRate = 512
        \t}
        \tc := lfu.New(100)
        \tr := rand.New(rand.NewSource(1))
        \tz := rand.NewZipf(r, 1.1, 1, 999)
        \tfor i := 0; i < 200000; i++ {
        \t\tk := int(z.Uint64())
        \t\tif _, ok := c.Get(k); !ok {
        \t\t\tc.Set(k, make([]byte, 16))
        \t\t}
        \t}
        \truntime.GC()
        \truntime.GC()
        \tvar m runtime.MemStats
        \truntime.ReadMemStats(&m)
        \tfmt.Printf("heap objects: %d\\n", m.HeapObjects)
        \tif profile != "" {
        \t\tf, err := os.Create(profile)
        \t\tif err != nil {
        \t\t\tpanic(err)
        \t\t}
        \t\tif err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
        \t\t\tpanic(err)
        \t\t}
        \t\tf.Close()
        \t}
        \truntime.KeepAlive(c)
        }

        """

    /// The test command: `go run ./memtest`, offline, with the local toolchain and a build cache shared
    /// between runs (depwatch adds GOFLAGS=-modfile=…).
    static func command(go: URL) -> [String] {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("depwatch-test-gocache").path
        return ["/usr/bin/env", "GOTOOLCHAIN=local", "GOPROXY=off", "GOCACHE=\(cache)", "GONOSUMDB=*", go.path, "run", "./memtest"]
    }
}
