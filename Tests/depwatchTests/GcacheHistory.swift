import DepwatchTestSupport
import Foundation

/// A clone of a gcache-like repository for the README's worked example (`--repo ~/src/gcache`): the API
/// of github.com/bluele/gcache that examples/gcache-service/memtest uses (`New(size).LFU().Build()`,
/// `Set`, `Get`), an LFU cache whose frequency entries stay in its list when their last item
/// leaves — the leak of gcache issue #71 — from the tag v0.0.1 until a fix commit, then the tag v0.0.2.
/// Without a go.mod, as gcache was then (depwatch bisect writes a minimal one into its checkout).
struct GcacheHistory {
    /// The commits after v0.0.1, oldest first: (subject, whether the leak is fixed from it on).
    static let commits: [(subject: String, fixed: Bool)] = [
        ("lfu: an LFU cache with a builder", false),
        ("lfu: document Len", false),
        ("lfu: name the frequency list's entries", false),
        ("lfu: remove a frequency entry when its last item leaves (fixes #71)", true),
        ("lfu: evict from the least frequent entry first", true),
        ("README: the LFU cache", true),
    ]
    /// The subject of the commit that fixes the leak.
    static var fix: String { commits.first { $0.fixed }!.subject }

    let origin: GitFixture

    /// The history, tagged v0.0.1 at its first commit and v0.0.2 at its last.
    init() throws {
        origin = try GitFixture()
        for (index, commit) in Self.commits.enumerated() {
            let files: [String: String?] = ["lfu.go": Self.source(fixed: commit.fixed, revision: index),
                                            "README.md": "# gcache\n\nAn LFU cache (revision \(index)).\n"]
            try origin.commit(commit.subject, files, date: String(format: "2021-03-%02dT10:00:00Z", index + 1))
            if index == 0 { try origin.git("tag", "-a", "v0.0.1", "-m", "v0.0.1") }
        }
        try origin.git("tag", "-a", "v0.0.2", "-m", "v0.0.2")
    }

    /// Clones the history to `path` (as a user clones gcache into ~/src/gcache).
    func clone(to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try origin.git("clone", "-q", origin.path, path, in: origin.directory.url.path)
    }

    /// lfu.go: with the leak, or with the fix.
    static func source(fixed: Bool, revision: Int) -> String {
        let removeEmpty = fixed ? "c.removeIfEmpty(current)" : "// the entry stays in the list, even when empty"
        let removeEvicted = fixed ? "c.removeIfEmpty(element)" : "// the entry stays in the list, even when empty"
        let remover = !fixed ? "" : """

            func (c *LFUCache) removeIfEmpty(element *list.Element) {
            \tif entry := element.Value.(*freqEntry); entry.freq != 0 && len(entry.items) == 0 {
            \t\tc.freqList.Remove(element)
            \t}
            }

            """
        return """
            // Package gcache is a cache library (revision \(revision)).
            package gcache

            import (
            \t"container/list"
            \t"errors"
            )

            // KeyNotFoundError is what Get returns for a key the cache does not hold.
            var KeyNotFoundError = errors.New("Key not found.")

            // Cache is what Build returns.
            type Cache interface {
            \tSet(key, value interface{}) error
            \tGet(key interface{}) (interface{}, error)
            \tLen() int
            }

            // CacheBuilder configures a cache.
            type CacheBuilder struct {
            \tsize int
            \tkind string
            }

            // New starts a cache of at most size items.
            func New(size int) *CacheBuilder { return &CacheBuilder{size: size} }

            // LFU chooses least-frequently-used eviction.
            func (cb *CacheBuilder) LFU() *CacheBuilder {
            \tcb.kind = "lfu"
            \treturn cb
            }

            // Build makes the cache.
            func (cb *CacheBuilder) Build() Cache {
            \tif cb.kind != "lfu" {
            \t\tpanic("gcache: only the LFU cache is in this history")
            \t}
            \tc := &LFUCache{size: cb.size, items: map[interface{}]*lfuItem{}, freqList: list.New()}
            \tc.freqList.PushFront(&freqEntry{freq: 0, items: map[*lfuItem]struct{}{}})
            \treturn c
            }

            // LFUCache evicts the least frequently used item; its frequency entries are kept in increasing order.
            type LFUCache struct {
            \tsize     int
            \titems    map[interface{}]*lfuItem
            \tfreqList *list.List
            }

            type freqEntry struct {
            \tfreq  int
            \titems map[*lfuItem]struct{}
            }

            type lfuItem struct {
            \tkey, value  interface{}
            \tfreqElement *list.Element
            }

            // Set stores value under key, evicting the least frequently used item when full.
            func (c *LFUCache) Set(key, value interface{}) error {
            \tif item, ok := c.items[key]; ok {
            \t\titem.value = value
            \t\treturn nil
            \t}
            \tif len(c.items) >= c.size {
            \t\tc.evict()
            \t}
            \tfront := c.freqList.Front()
            \titem := &lfuItem{key: key, value: value, freqElement: front}
            \tfront.Value.(*freqEntry).items[item] = struct{}{}
            \tc.items[key] = item
            \treturn nil
            }

            // Get returns the value under key and counts the use.
            func (c *LFUCache) Get(key interface{}) (interface{}, error) {
            \titem, ok := c.items[key]
            \tif !ok {
            \t\treturn nil, KeyNotFoundError
            \t}
            \tc.increment(item)
            \treturn item.value, nil
            }

            // Len is the number of items held.
            func (c *LFUCache) Len() int { return len(c.items) }

            func (c *LFUCache) increment(item *lfuItem) {
            \tcurrent := item.freqElement
            \tentry := current.Value.(*freqEntry)
            \tnext := current.Next()
            \tif next == nil || next.Value.(*freqEntry).freq != entry.freq+1 {
            \t\tnext = c.freqList.InsertAfter(&freqEntry{freq: entry.freq + 1, items: map[*lfuItem]struct{}{}}, current)
            \t}
            \titem.freqElement = next
            \tnext.Value.(*freqEntry).items[item] = struct{}{}
            \tdelete(entry.items, item)
            \t\(removeEmpty)
            }

            func (c *LFUCache) evict() {
            \tfor element := c.freqList.Front(); element != nil; element = element.Next() {
            \t\tentry := element.Value.(*freqEntry)
            \t\tfor item := range entry.items {
            \t\t\tdelete(entry.items, item)
            \t\t\tdelete(c.items, item.key)
            \t\t\t\(removeEvicted)
            \t\t\treturn
            \t\t}
            \t}
            }
            \(remover)
            """
    }
}
