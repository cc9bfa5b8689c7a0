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

    /// Samples decoded together: their values (a value per sample type, sample after sample), and where
    /// each one's stack is — a run of varint location ids, leaf first, as profile.proto packs them — in
    /// the profile's `stackBytes` (or, for samples that were not packed that way, in the chunk's own).
    public struct Chunk: Sendable {
        /// The values.
        public internal(set) var values: [Int64] = []
        /// Where each sample's stack starts and ends.
        public internal(set) var stackStarts: [Int32] = [], stackEnds: [Int32] = []
        /// The chunk's own stack bytes, when its stacks are not runs of the profile's.
        public internal(set) var ownStacks: [UInt8]?

        /// How many samples it has.
        public var count: Int { stackStarts.count }
    }

    /// Where a location's id is in `locationFrames`' order: an array by id when the ids are dense (Go
    /// numbers them 1, 2, 3, …), else a dictionary.
    public struct LocationIndex: Sendable {
        var dense: [Int32] = []
        var sparse: [UInt64: Int32] = [:]

        /// The index of location `id`, or `nil` when there is none.
        public func location(_ id: UInt64) -> Int32? {
            if dense.isEmpty { return sparse[id] }
            guard id < UInt64(dense.count) else { return nil }
            let slot = dense.withUnsafeBufferPointer { $0[Int(id)] }
            return slot >= 0 ? slot : nil
        }

        /// The index of locations numbered `ids`, in order.
        init(_ ids: [UInt64]) {
            let largest = ids.max() ?? 0
            if largest <= UInt64(ids.count) * 4 + 1024 {
                dense = Array(repeating: -1, count: Int(largest) + 1)
                for (slot, id) in ids.enumerated() { dense[Int(id)] = Int32(slot) }
            } else {
                for (slot, id) in ids.enumerated() { sparse[id] = Int32(slot) }
            }
        }

        init() {}
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
    /// The bytes the chunks' stacks refer to: the profile.proto content itself (the stacks are read in
    /// place, never copied out), or for the text form the stacks written as varints.
    public internal(set) var stackBytes: [UInt8] = []
    /// Each location id's index.
    public internal(set) var locationIndex = LocationIndex()

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

    /// The profile with `bytes` as the bytes its stacks refer to (profile.proto's content: the stacks
    /// are runs of it); the text form wrote its own and keeps them.
    func withStackBytes(_ bytes: [UInt8]) -> HeapProfile {
        guard stackBytes.isEmpty else { return self }
        var profile = self
        profile.stackBytes = bytes
        return profile
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
    public var sampleCount: Int { chunks.reduce(0) { $0 + $1.count } }

    /// Sample `sample` of `chunk`'s location indices, leaf first.
    public func locations(_ chunk: Chunk, _ sample: Int) -> [Int32] {
        (chunk.ownStacks ?? stackBytes).withUnsafeBufferPointer { bytes in
            var position = Int(chunk.stackStarts[sample]), result: [Int32] = []
            let end = Int(chunk.stackEnds[sample])
            while position < end { result.append(locationIndex.location(Varint.read(bytes, &position, end: end)) ?? -1) }
            return result
        }
    }

    /// Every sample as a copy, frames expanded (for tests and small profiles).
    public var samples: [Sample] {
        chunks.flatMap { chunk in
            (0..<chunk.count).map { i in
                Sample(values: Array(chunk.values[(i * sampleTypes.count)..<((i + 1) * sampleTypes.count)]),
                       stack: locations(chunk, i).flatMap { frames(ofLocation: $0) })
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

/// The varints of the stacks a profile keeps (location ids): written for the text form and for samples
/// not packed as Go packs them, read back when stacks are walked. They were checked when the profile was
/// read, so reading them back checks nothing.
enum Varint {
    /// The varint at `position` in `bytes` (up to `end`), moving `position` past it.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, end: Int) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while position < end {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return value
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
