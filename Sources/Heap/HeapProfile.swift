/// A heap profile as depwatch reads it, whichever form it came in (profile.proto, gzipped or not, or
/// the legacy `heap profile:` text): its sample types, and each sample's values with its stack of
/// function names, leaf first, inlined functions as frames of their own.
///
/// Samples are stored flat — every value in one array, every frame in another, with where each sample's
/// stack ends — rather than as an array of arrays: a 50 MB profile holds hundreds of thousands of
/// samples, and two allocations per sample were most of reading one (BENCHMARKS.md, "heap").
public struct HeapProfile: Sendable {
    /// A sample type: `inuse_objects`/`count`, `inuse_space`/`bytes`, …
    public struct SampleType: Sendable, Hashable {
        /// `alloc_objects`, `alloc_space`, `inuse_objects` or `inuse_space` in Go's heap profiles.
        public var type: String
        /// `count` or `bytes`.
        public var unit: String
    }

    /// One sample, as a copy: a value per sample type, and the stack as indices into `functions`.
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
    /// Every sample's values, `sampleTypes.count` of them per sample, sample after sample.
    public private(set) var values: [Int64] = []
    /// Every sample's frames, leaf first, sample after sample.
    public private(set) var frames: [Int32] = []
    /// Where each sample's frames end in `frames` (its start is the previous sample's end).
    public private(set) var stackEnds: [Int] = []

    /// A profile with these sample types and functions and no samples yet.
    public init(sampleTypes: [SampleType], defaultSampleType: String?, functions: [String]) {
        (self.sampleTypes, self.defaultSampleType, self.functions) = (sampleTypes, defaultSampleType, functions)
    }

    /// How many samples there are.
    public var sampleCount: Int { stackEnds.count }

    /// Adds a sample.
    mutating func append<V: Collection<Int64>, F: Collection<Int32>>(values sampleValues: V, stack: F) {
        values.append(contentsOf: sampleValues)
        frames.append(contentsOf: stack)
        stackEnds.append(frames.count)
    }

    /// Adds the samples of `other` (decoded apart, with the same sample types and functions).
    mutating func append(samplesOf other: HeapProfile) {
        let offset = frames.count
        values.append(contentsOf: other.values)
        frames.append(contentsOf: other.frames)
        stackEnds.append(contentsOf: other.stackEnds.lazy.map { $0 + offset })
    }

    /// The value of sample type `type` in sample `sample`.
    public func value(_ sample: Int, _ type: Int) -> Int64 {
        values[sample * sampleTypes.count + type]
    }

    /// Sample `sample`'s frames, leaf first.
    public func stack(_ sample: Int) -> ArraySlice<Int32> {
        frames[(sample == 0 ? 0 : stackEnds[sample - 1])..<stackEnds[sample]]
    }

    /// Every sample as a copy (for tests and small profiles).
    public var samples: [Sample] {
        (0..<sampleCount).map { i in
            Sample(values: Array(values[(i * sampleTypes.count)..<((i + 1) * sampleTypes.count)]), stack: Array(stack(i)))
        }
    }

    /// The index of the sample type named `type`.
    public func sampleIndex(_ type: String) -> Int? {
        sampleTypes.firstIndex { $0.type == type }
    }

    /// The total of sample type `index` over every sample.
    public func total(_ index: Int) -> Int64 {
        stride(from: index, to: values.count, by: sampleTypes.count).reduce(0) { $0 &+ values[$1] }
    }
}
