/// A heap profile as depwatch reads it, whichever form it came in (profile.proto, gzipped or not, or
/// the legacy `heap profile:` text): its sample types, its locations (each one or more frames: a
/// function and the functions inlined into it, innermost first), and each sample's values with its stack
/// of locations, leaf first.
///
/// Stored flat and in chunks rather than as an array per sample: a 50 MB profile holds hundreds of
/// thousands of samples; arrays per sample, then joining the chunks decoded on each core, were most of
/// reading one and twice its memory (BENCHMARKS.md, "heap").
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

    /// Samples decoded together: their values (a value per sample type, sample after sample), their
    /// locations (leaf first, sample after sample) and where each sample's locations end.
    public struct Chunk: Sendable {
        /// The values.
        public internal(set) var values: [Int64] = []
        /// The location indices (into the profile's locations).
        public internal(set) var locations: [Int32] = []
        /// Where each sample's locations end in `locations`.
        public internal(set) var ends: [Int32] = []

        /// Adds a sample.
        mutating func append<V: Collection<Int64>, L: Collection<Int32>>(values sampleValues: V, locations sampleLocations: L) {
            values.append(contentsOf: sampleValues)
            locations.append(contentsOf: sampleLocations)
            ends.append(Int32(locations.count))
        }
    }

    /// The sample types, in the profile's order.
    public var sampleTypes: [SampleType]
    /// The type the profile names as its default (Go: `inuse_space`), when it names one.
    public var defaultSampleType: String?
    /// Every function name the stacks use (`github.com/bluele/gcache.(*LFUCache).set`), or an address
    /// (`0x4a1b2c`) for a location that was not symbolized.
    public var functions: [String]
    /// Every location's frames (indices into `functions`), location after location.
    public private(set) var locationFrames: [Int32] = []
    /// Where each location's frames end in `locationFrames`.
    public private(set) var locationEnds: [Int32] = []
    /// The samples, chunk after chunk.
    public private(set) var chunks: [Chunk] = []

    /// A profile with these sample types and functions and no locations or samples yet.
    public init(sampleTypes: [SampleType], defaultSampleType: String?, functions: [String]) {
        (self.sampleTypes, self.defaultSampleType, self.functions) = (sampleTypes, defaultSampleType, functions)
    }

    /// Adds a location of `frames` (innermost first); returns its index.
    @discardableResult
    mutating func addLocation<F: Collection<Int32>>(frames: F) -> Int32 {
        locationFrames.append(contentsOf: frames)
        locationEnds.append(Int32(locationFrames.count))
        return Int32(locationEnds.count - 1)
    }

    /// Adds a chunk of samples.
    mutating func append(_ chunk: Chunk) {
        chunks.append(chunk)
    }

    /// The frames of location `location`.
    public func frames(ofLocation location: Int32) -> ArraySlice<Int32> {
        let index = Int(location)
        return locationFrames[(index == 0 ? 0 : Int(locationEnds[index - 1]))..<Int(locationEnds[index])]
    }

    /// How many samples there are.
    public var sampleCount: Int { chunks.reduce(0) { $0 + $1.ends.count } }

    /// Every sample as a copy, frames expanded (for tests and small profiles).
    public var samples: [Sample] {
        chunks.flatMap { chunk in
            chunk.ends.indices.map { i in
                let start = i == 0 ? 0 : Int(chunk.ends[i - 1])
                let stack = chunk.locations[start..<Int(chunk.ends[i])].flatMap { frames(ofLocation: $0) }
                return Sample(values: Array(chunk.values[(i * sampleTypes.count)..<((i + 1) * sampleTypes.count)]), stack: stack)
            }
        }
    }

    /// The index of the sample type named `type`.
    public func sampleIndex(_ type: String) -> Int? {
        sampleTypes.firstIndex { $0.type == type }
    }

    /// The total of sample type `index` over every sample.
    public func total(_ index: Int) -> Int64 {
        chunks.reduce(0) { sum, chunk in
            stride(from: index, to: chunk.values.count, by: sampleTypes.count).reduce(sum) { $0 &+ chunk.values[$1] }
        }
    }
}
