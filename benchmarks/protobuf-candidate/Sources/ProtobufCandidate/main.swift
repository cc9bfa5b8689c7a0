// Reads one profile.proto file three ways, five times each, interleaved, and prints the median times:
//   swift-protobuf, decode only: `Perftools_Profiles_Profile(serializedBytes:)`;
//   swift-protobuf, with tables: the decode, then what depwatch's reader also does — function names by id,
//     each location's frames, each sample's locations looked up — from its messages;
//   depwatch: `HeapProfileReader.read` (the wire-format reader, which checks every reference as it goes).
// Both totals are printed, so that the two are seen to read the same profile.
// Usage: ProtobufCandidate PROFILE.pb
import Foundation
import Heap
import SwiftProtobuf

let path = CommandLine.arguments[1]
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))

func decodeWithSwiftProtobuf() throws -> (samples: Int, total: Int64) {
    let profile = try Perftools_Profiles_Profile(serializedBytes: bytes)
    let index = profile.sampleType.firstIndex { profile.stringTable[Int($0.type)] == "inuse_space" } ?? 0
    return (profile.sample.count, profile.sample.reduce(0) { $0 &+ $1.value[index] })
}

/// What depwatch's model holds, built from swift-protobuf's messages.
func readWithSwiftProtobuf() throws -> (samples: Int, total: Int64) {
    let profile = try Perftools_Profiles_Profile(serializedBytes: bytes)
    let strings = profile.stringTable
    var functions: [UInt64: String] = [:]
    for function in profile.function { functions[function.id] = strings[Int(function.name)] }
    var frames: [UInt64: [String]] = [:]
    for location in profile.location { frames[location.id] = location.line.map { functions[$0.functionID] ?? "" } }
    var total: Int64 = 0
    let index = profile.sampleType.firstIndex { strings[Int($0.type)] == "inuse_space" } ?? 0
    for sample in profile.sample {
        total &+= sample.value[index]
        for id in sample.locationID where frames[id] == nil { throw CocoaError(.fileReadCorruptFile) }
    }
    return (profile.sample.count, total)
}

func readWithDepwatch() throws -> (samples: Int, total: Int64) {
    let profile = try HeapProfileReader.read(bytes, path: path)
    return (profile.sampleCount, profile.total(profile.sampleIndex("inuse_space") ?? 0))
}

func seconds(_ body: () throws -> (samples: Int, total: Int64)) rethrows -> (Double, (samples: Int, total: Int64)) {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
}

let readers: [(name: String, read: () throws -> (samples: Int, total: Int64))] = [
    ("swift-protobuf, decode only", decodeWithSwiftProtobuf),
    ("swift-protobuf, with tables", readWithSwiftProtobuf),
    ("depwatch", readWithDepwatch),
]
var times = [[Double]](repeating: [], count: readers.count)
var results = [(samples: Int, total: Int64)](repeating: (0, 0), count: readers.count)
for round in 0..<6 {
    let order = round % 2 == 0 ? Array(readers.indices) : readers.indices.reversed()
    for which in order {
        let (time, result) = try seconds(readers[which].read)
        if round > 0 { times[which].append(time) }
        results[which] = result
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
for (i, reader) in readers.enumerated() {
    print(reader.name + String(format: ": median %.3f s over %d runs (%d samples, inuse_space %lld); / depwatch %.2f",
                               median(times[i]), times[i].count, results[i].samples, results[i].total, median(times[i]) / median(times[2])))
}
