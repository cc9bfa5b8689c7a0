// Reads one profile.proto file both ways, five times each, interleaved, and prints the median times:
//   swift-protobuf: `Perftools_Profiles_Profile(serializedBytes:)`, then the same model depwatch reads
//     (function names, each location's frames, each sample's values and stack) built from its messages;
//   depwatch: `HeapProfileReader.read` (the wire-format reader).
// Both totals are printed, so that the two are seen to read the same profile.
// Usage: ProtobufCandidate PROFILE.pb
import Foundation
import Heap
import SwiftProtobuf

let path = CommandLine.arguments[1]
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))

/// What depwatch's model holds, built from swift-protobuf's messages.
func readWithSwiftProtobuf() throws -> (samples: Int, total: Int64) {
    let profile = try Perftools_Profiles_Profile(serializedBytes: bytes)
    let strings = profile.stringTable
    var functions: [UInt64: String] = [:]
    for function in profile.function { functions[function.id] = strings[Int(function.name)] }
    var frames: [UInt64: [String]] = [:]
    for location in profile.location { frames[location.id] = location.line.map { functions[$0.functionID] ?? "" } }
    var total: Int64 = 0
    var stackFrames = 0
    let index = profile.sampleType.firstIndex { strings[Int($0.type)] == "inuse_space" } ?? 0
    for sample in profile.sample {
        total &+= sample.value[index]
        for id in sample.locationID { stackFrames &+= frames[id]?.count ?? 0 }
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

var protobufTimes: [Double] = [], depwatchTimes: [Double] = []
var protobufResult = (samples: 0, total: Int64(0)), depwatchResult = (samples: 0, total: Int64(0))
for round in 0..<6 {
    let order = round % 2 == 0 ? [0, 1] : [1, 0]
    for which in order {
        if which == 0 {
            let (time, result) = try seconds(readWithSwiftProtobuf)
            if round > 0 { protobufTimes.append(time) }
            protobufResult = result
        } else {
            let (time, result) = try seconds(readWithDepwatch)
            if round > 0 { depwatchTimes.append(time) }
            depwatchResult = result
        }
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print(String(format: "swift-protobuf: median %.3f s over %d runs (%d samples, inuse_space %lld)",
             median(protobufTimes), protobufTimes.count, protobufResult.samples, protobufResult.total))
print(String(format: "depwatch:       median %.3f s over %d runs (%d samples, inuse_space %lld)",
             median(depwatchTimes), depwatchTimes.count, depwatchResult.samples, depwatchResult.total))
print(String(format: "ratio swift-protobuf / depwatch: %.2f", median(protobufTimes) / median(depwatchTimes)))
