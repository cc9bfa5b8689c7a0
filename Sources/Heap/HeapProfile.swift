/// A heap profile as depwatch reads it, whichever form it came in (profile.proto, gzipped or not, or
/// the legacy `heap profile:` text): its sample types, and each sample's values with its stack of
/// function names, leaf first, inlined functions as frames of their own.
public struct HeapProfile: Sendable {
    /// A sample type: `inuse_objects`/`count`, `inuse_space`/`bytes`, …
    public struct SampleType: Sendable, Hashable {
        /// `alloc_objects`, `alloc_space`, `inuse_objects` or `inuse_space` in Go's heap profiles.
        public var type: String
        /// `count` or `bytes`.
        public var unit: String
    }

    /// One sample: a value per sample type, and the stack as indices into `functions`, leaf first.
    public struct Sample: Sendable {
        /// One value per sample type, in `sampleTypes`' order.
        public var values: [Int64]
        /// The frames, leaf first (a location's inlined functions innermost first).
        public var stack: [Int32]
    }

    /// The sample types, in the profile's order.
    public var sampleTypes: [SampleType]
    /// The type the profile names as its default (Go: `inuse_space`), when it names one.
    public var defaultSampleType: String?
    /// Every function name the stacks use (`github.com/bluele/gcache.(*LFUCache).set`), or an address
    /// (`0x4a1b2c`) for a location that was not symbolized.
    public var functions: [String]
    /// The samples.
    public var samples: [Sample]

    /// The index of the sample type named `type`.
    public func sampleIndex(_ type: String) -> Int? {
        sampleTypes.firstIndex { $0.type == type }
    }

    /// The total of sample type `index` over every sample.
    public func total(_ index: Int) -> Int64 {
        samples.reduce(0) { $0 &+ $1.values[index] }
    }
}
