// memtest is the service's memory-object test: its cache, gcache's LFU, under a skewed workload (a few
// keys are read far more often than the rest, as a service's hot keys are). It prints the heap's live
// objects; when depwatch bisect asks for a heap profile ($DEPWATCH_HEAP_PROFILE, for --heap-profile),
// it writes one, so that depwatch can judge what github.com/bluele/gcache itself holds. It uses only
// what every gcache release has (New(size).LFU().Build(), Set, Get), so that it runs at every commit.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/bluele/gcache"
)

func main() {
	profile := os.Getenv("DEPWATCH_HEAP_PROFILE")
	if profile != "" {
		// Sample one allocation per 512 bytes (Go's default is 512 KiB): enough to count small objects.
		runtime.MemProfileRate = 512
	}
	cache := gcache.New(100).LFU().Build()
	zipf := rand.NewZipf(rand.New(rand.NewSource(1)), 1.1, 1, 999)
	for i := 0; i < 200000; i++ {
		key := zipf.Uint64()
		if _, err := cache.Get(key); err != nil {
			cache.Set(key, make([]byte, 16))
		}
	}
	runtime.GC()
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Printf("heap objects: %d\n", stats.HeapObjects)
	if profile != "" {
		writeHeapProfile(profile)
	}
	runtime.KeepAlive(cache)
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		panic(err)
	}
}
