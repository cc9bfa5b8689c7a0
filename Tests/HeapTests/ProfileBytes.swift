import Foundation

/// Builds profile.proto bytes for tests, field by field, so that malformed cases can be made on purpose.
struct ProtoBytes {
    var bytes: [UInt8] = []

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value, out: [UInt8] = []
        while value >= 0x80 { out.append(UInt8(value & 0x7f) | 0x80); value >>= 7 }
        return out + [UInt8(value)]
    }

    mutating func varint(_ field: UInt64, _ value: UInt64) {
        bytes += Self.varint(field << 3) + Self.varint(value)
    }

    mutating func message(_ field: UInt64, _ body: [UInt8]) {
        bytes += Self.varint(field << 3 | 2) + Self.varint(UInt64(body.count)) + body
    }

    mutating func string(_ field: UInt64, _ text: String) { message(field, Array(text.utf8)) }

    mutating func packed(_ field: UInt64, _ values: [UInt64]) { message(field, values.flatMap(Self.varint)) }

    static func build(_ body: (inout ProtoBytes) -> Void) -> [UInt8] {
        var b = ProtoBytes()
        body(&b)
        return b.bytes
    }

    /// A small valid heap profile: two sample types, functions `main.leak` (inlined into `main.main`) and
    /// `github.com/bluele/gcache.(*LFUCache).set`, three samples.
    /// `unpacked`: every sample's location ids as plain varint fields (not Go's packed form); `singleFirst`:
    /// the samples in reverse, so that the first one has a single unpacked id.
    static func heapProfile(sampleLocation: UInt64 = 1, lineFunction: UInt64 = 1, nameIndex: UInt64 = 3, unpacked: Bool = false,
                            singleFirst: Bool = false) -> [UInt8] {
        build { p in
            p.message(1, build { $0.varint(1, 1); $0.varint(2, 2) })  // inuse_objects / count
            p.message(1, build { $0.varint(1, 5); $0.varint(2, 6) })  // inuse_space / bytes
            let samples = [
                build {
                    if unpacked { $0.varint(1, sampleLocation); $0.varint(1, 2) } else { $0.packed(1, [sampleLocation, 2]) }
                    $0.packed(2, [10, 640])
                },
                build {
                    if unpacked { $0.varint(1, 3) } else { $0.packed(1, [3]) }
                    $0.packed(2, [30, 960])
                },
                build {
                    if unpacked { $0.varint(1, 2) } else { $0.packed(1, [2]) }
                    $0.packed(2, [5, 50])
                },
            ]
            for sample in singleFirst ? samples.reversed() : samples { p.message(2, sample) }
            // Location 1: main.leak inlined into main.main; 2: runtime.main; 3: gcache.
            p.message(4, build { $0.varint(1, 1); $0.message(4, build { $0.varint(1, lineFunction) }); $0.message(4, build { $0.varint(1, 2) }) })
            p.message(4, build { $0.varint(1, 2); $0.message(4, build { $0.varint(1, 3) }) })
            p.message(4, build { $0.varint(1, 3); $0.message(4, build { $0.varint(1, 4) }) })
            p.message(5, build { $0.varint(1, 1); $0.varint(2, nameIndex) })
            p.message(5, build { $0.varint(1, 2); $0.varint(2, 4) })
            p.message(5, build { $0.varint(1, 3); $0.varint(2, 7) })
            p.message(5, build { $0.varint(1, 4); $0.varint(2, 8) })
            for text in ["", "inuse_objects", "count", "main.leak", "main.main", "inuse_space", "bytes", "runtime.main",
                         "github.com/bluele/gcache.(*LFUCache).set"] {
                p.string(6, text)
            }
            p.varint(14, 5)
        }
    }
}
