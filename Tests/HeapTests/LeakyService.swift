import DepwatchTestSupport
import Foundation

/// A Go service built in the test and the heap profiles it writes: its LFU cache leaks frequency buckets
/// kept in `container/list`s and runtime maps — a module published as `github.com/bluele/gcache v0.0.1`
/// (the version of the curated leak advisory) and served from a file module proxy, offline; a generic
/// ring (`example.com/ring`, wired with `replace => ../ring`), a closure and an inlined helper allocate
/// too. Each run writes the same moment (no collection in between) as gzipped profile.proto and as the
/// debug=1 text.
struct LeakyService {
    let directory: TemporaryDirectory
    /// The service's folder (its go.mod), the `--project` of the tests.
    var project: String { directory.path("svc") }
    /// The binary.
    var binary: String { directory.path("svc/svc") }
    /// The same workload as a live service: net/http/pprof on a loopback port it prints, `/` an HTML
    /// page, `/slow` a handler that never answers in time.
    var server: String { directory.path("svc/live-server") }

    /// Builds the service offline with the Go toolchain of scripts/setup.
    init() throws {
        directory = try TemporaryDirectory()
        let proxy = try GoModuleProxy(root: directory.url.appendingPathComponent("proxy"))
        let published = Self.files.filter { $0.key.hasPrefix("gcache/") }
        try proxy.add("github.com/bluele/gcache", "v0.0.1", files: Dictionary(uniqueKeysWithValues: published.map { (String($0.key.dropFirst("gcache/".count)), $0.value) }))
        for (path, text) in Self.files where !path.hasPrefix("gcache/") { _ = try directory.write(path, text) }
        let environment = proxy.environment(cache: directory.url.appendingPathComponent("modcache"))
        for (output, package) in [("svc", "."), ("live-server", "./server")] {
            let build = try GoToolchain.run(["build", "-o", output, package], in: URL(fileURLWithPath: project), environment: environment)
            guard build.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: build.stderr]) }
        }
    }

    /// Runs the service with `MemProfileRate` `rate` (nil: Go's default, 512 KiB); returns the paths of
    /// the gzipped profile.proto and of the text form.
    func profiles(rate: Int?, name: String) throws -> (proto: String, text: String) {
        let prefix = directory.path(name)
        let run = try CommandRun.run(URL(fileURLWithPath: binary), [prefix, rate.map(String.init) ?? "default"])
        guard run.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        return (prefix + ".pb.gz", prefix + ".txt")
    }

    /// Runs the service through `phases` phases of the same process, each adding to the leak; returns the
    /// gzipped profile written after each.
    func snapshots(_ phases: Int, rate: Int? = 1, name: String) throws -> [String] {
        let prefix = directory.path(name)
        let run = try CommandRun.run(URL(fileURLWithPath: binary), [prefix, rate.map(String.init) ?? "default", String(phases)])
        guard run.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: run.stderr]) }
        return (1...phases).map { "\(prefix)-\($0).pb.gz" }
    }

    static let files: [String: String] = [
        "svc/server/main.go": """
            // The leaking cache as a live service: prints "listening on ADDR", then serves net/http/pprof.
            package main

            import (
            	"fmt"
            	"net"
            	"net/http"
            	_ "net/http/pprof"
            	"runtime"
            	"time"

            	"github.com/bluele/gcache"
            )

            var cache = gcache.New()

            func main() {
            	runtime.MemProfileRate = 1
            	for key := 0; key < 2000; key++ {
            		cache.Set(key, make([]byte, 64))
            		for use := 0; use < key%50; use++ {
            			cache.Get(key)
            		}
            	}
            	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
            		w.Header().Set("Content-Type", "text/html")
            		fmt.Fprint(w, "<!DOCTYPE html><html><body>Sign in</body></html>")
            	})
            	http.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { time.Sleep(30 * time.Second) })
            	listener, err := net.Listen("tcp", "127.0.0.1:0")
            	if err != nil {
            		panic(err)
            	}
            	fmt.Printf("listening on %s\\n", listener.Addr())
            	panic(http.Serve(listener, nil))
            }
            """,
        "gcache/go.mod": """
            module github.com/bluele/gcache

            go 1.21
            """,
        "gcache/lfu.go": """
            // Package gcache is a least-frequently-used cache whose frequency buckets are never removed (the leak).
            package gcache

            import "container/list"

            // Cache keeps items by key and their use counts in buckets.
            type Cache struct {
            	items   map[int]*list.Element
            	buckets map[int]*list.List
            }

            type entry struct {
            	key, freq int
            	value     []byte
            }

            // New makes an empty cache.
            func New() *Cache {
            	return &Cache{items: map[int]*list.Element{}, buckets: map[int]*list.List{}}
            }

            // Set stores value under key.
            func (c *Cache) Set(key int, value []byte) {
            	if e, ok := c.items[key]; ok {
            		e.Value.(*entry).value = value
            		return
            	}
            	c.items[key] = c.bucket(1).PushBack(&entry{key: key, freq: 1, value: value})
            }

            // Get counts a use of key: its entry moves to the next bucket, and the bucket it leaves stays, even empty.
            func (c *Cache) Get(key int) []byte {
            	e, ok := c.items[key]
            	if !ok {
            		return nil
            	}
            	it := e.Value.(*entry)
            	c.buckets[it.freq].Remove(e)
            	it.freq++
            	c.items[key] = c.bucket(it.freq).PushBack(it)
            	return it.value
            }

            func (c *Cache) bucket(freq int) *list.List {
            	b, ok := c.buckets[freq]
            	if !ok {
            		b = list.New()
            		c.buckets[freq] = b
            	}
            	return b
            }
            """,
        "ring/go.mod": """
            module example.com/ring

            go 1.21
            """,
        "ring/ring.go": """
            // Package ring is a generic ring of values, each kept in a box of its own.
            package ring

            // Ring holds the last n values pushed.
            type Ring[T any] struct {
            	values []*T
            	next   int
            }

            // New makes a ring of n values.
            func New[T any](n int) *Ring[T] { return &Ring[T]{values: make([]*T, n)} }

            // Push adds v, dropping the oldest value when full.
            func (r *Ring[T]) Push(v T) {
            	box := new(T)
            	*box = v
            	r.values[r.next] = box
            	r.next = (r.next + 1) % len(r.values)
            }
            """,
        "svc/go.mod": """
            module example.com/svc

            go 1.21

            require (
            	github.com/bluele/gcache v0.0.1
            	example.com/ring v0.2.0
            )

            replace example.com/ring => ../ring
            """,
        "svc/main.go": """
            // A service whose LFU cache leaks, writing heap profiles: svc OUT_PREFIX [RATE]
            package main

            import (
            	"fmt"
            	"os"
            	"runtime"
            	"runtime/debug"
            	"runtime/pprof"
            	"strconv"

            	"example.com/ring"
            	"github.com/bluele/gcache"
            )

            var keep []*[]byte

            // small is inlined into its callers.
            func small(n int) []byte { return make([]byte, n) }

            func main() {
            	if len(os.Args) > 2 && os.Args[2] != "default" {
            		rate, _ := strconv.Atoi(os.Args[2])
            		runtime.MemProfileRate = rate
            	}
            	phases := 1
            	if len(os.Args) > 3 {
            		phases, _ = strconv.Atoi(os.Args[3])
            	}
            	cache := gcache.New()
            	names := ring.New[string](512)
            	collect := func(n int) {
            		for i := 0; i < n; i++ {
            			b := small(128)
            			keep = append(keep, &b)
            		}
            	}
            	write := func(name string, form int) {
            		f, err := os.Create(os.Args[1] + name)
            		if err != nil {
            			panic(err)
            		}
            		defer f.Close()
            		if err := pprof.Lookup("heap").WriteTo(f, form); err != nil {
            			panic(err)
            		}
            	}
            	// Each phase adds 2,000 keys (their buckets leak), refills the ring (its size stays) and keeps 700
            	// more buffers, then writes the profiles: -N.pb.gz and -N.txt when there are several phases.
            	for phase := 1; phase <= phases; phase++ {
            		for key := (phase - 1) * 2000; key < phase*2000; key++ {
            			cache.Set(key, small(64))
            			for use := 0; use < key%50; use++ {
            				cache.Get(key)
            			}
            		}
            		for i := 0; i < 3000; i++ {
            			names.Push(fmt.Sprintf("name-%d", i))
            		}
            		collect(700)
            		runtime.GC()
            		// No collection while the profiles are written: both forms show the same moment.
            		debug.SetGCPercent(-1)
            		suffix := ""
            		if phases > 1 {
            			suffix = fmt.Sprintf("-%d", phase)
            		}
            		write(suffix+".pb.gz", 0)
            		write(suffix+".txt", 1)
            		debug.SetGCPercent(100)
            	}
            	runtime.KeepAlive(cache)
            	runtime.KeepAlive(names)
            }
            """,
    ]
}
