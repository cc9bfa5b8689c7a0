import DepwatchTestSupport
import Foundation
import Testing
@testable import Heap

/// Reading profile.proto (plain and gzipped) and the legacy text, and refusing damaged input with the
/// byte offset of the problem.
@Suite struct HeapProfileReaderTests {
    @Test func readsSampleTypesInlineFramesAndSamples() throws {
        let profile = try HeapProfileReader.read(ProtoBytes.heapProfile(), path: "p.pb")
        #expect(profile.sampleTypes.map(\.type) == ["inuse_objects", "inuse_space"])
        #expect(profile.defaultSampleType == "inuse_space")
        #expect(profile.samples.count == 3)
        let first = profile.samples[0]
        #expect(first.values == [10, 640])
        #expect(first.stack.map { profile.functions[Int($0)] } == ["main.leak", "main.main", "runtime.main"])
        #expect(profile.total(0) == 45 && profile.total(1) == 1650)
    }

    /// Go packs a sample's location ids in one field; another writer may not: the same samples either way.
    @Test func unpackedStacksReadTheSame() throws {
        let packed = try HeapProfileReader.read(ProtoBytes.heapProfile(), path: "p.pb")
        let unpacked = try HeapProfileReader.read(ProtoBytes.heapProfile(unpacked: true), path: "u.pb")
        #expect(unpacked.samples.map(\.stack) == packed.samples.map(\.stack))
        #expect(unpacked.samples.map(\.values) == packed.samples.map(\.values))
        #expect(unpacked.chunks.first?.ownStacks != nil, "the chunk keeps stacks of its own")
        // A stack of one unpacked id is not a run of the profile's bytes either, first in its chunk or not.
        let single = try HeapProfileReader.read(ProtoBytes.heapProfile(unpacked: true, singleFirst: true), path: "s.pb")
        #expect(single.samples.map(\.stack).reversed() == packed.samples.map(\.stack))
    }

    @Test func readsTheSameProfileGzipped() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("p.pb", Data(ProtoBytes.heapProfile()))
        let gzip = try CommandRun.run(URL(fileURLWithPath: "/bin/gzip"), ["-k", "-f", plain])
        #expect(gzip.status == 0)
        let profile = try HeapProfileReader.read(path: plain + ".gz")
        #expect(profile.total(1) == 1650 && profile.functions.contains("github.com/bluele/gcache.(*LFUCache).set"))
    }

    @Test func readsTheLegacyTextScaledAsPprofScalesIt() throws {
        let text = """
            heap profile: 2: 1024 [5: 2560] @ heap/1048576
            1: 512 [4: 2048] @ 0x4a1b2c 0x43e1f1
            #\t0x4a1b2b\tgithub.com/bluele/gcache.(*LFUCache).set+0x2b\t/src/gcache/lfu.go:80
            #\t0x43e1f0\tmain.main+0x1f0\t/src/main.go:12

            1: 512 [1: 512] @ 0x4a1c00

            # runtime.MemStats
            # Alloc = 12345
            """
        let profile = try HeapProfileReader.read(Array(text.utf8), path: "heap.txt")
        #expect(profile.sampleTypes.map(\.type) == ["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"])
        #expect(profile.samples.count == 2)
        // 512-byte objects sampled at 512 KiB: each stands for 1 / (1 - e^(-512/524288)) of them.
        let (objects, bytes) = LegacyHeapText.scale(1, 512, 524_288)
        #expect(objects == 1024 && bytes == 524_544)
        #expect(profile.samples[0].values[2...] == [objects, bytes])
        #expect(profile.samples[0].stack.map { profile.functions[Int($0)] } == ["github.com/bluele/gcache.(*LFUCache).set", "main.main"])
        #expect(profile.samples[1].stack.map { profile.functions[Int($0)] } == ["0x4a1c00"])
    }

    /// Damaged input: the message and the offset where the problem is.
    @Test(arguments: [
        ("truncated varint", [0x08, 0x80], 1, "truncated varint"),
        ("a varint past 64 bits", [0x08] + [UInt8](repeating: 0xff, count: 10) + [0x01], 1, "bad varint"),
        ("a field longer than the message", [0x12, 0x05, 0x00], 1, "runs past the end"),
        ("an unknown wire type", [0x0b], 0, "unknown protobuf wire type 3"),
    ] as [(String, [UInt8], Int, String)])
    func refusesDamagedWireFormat(_ name: String, _ bytes: [UInt8], _ offset: Int, _ message: String) throws {
        let error = try #require(throws: HeapError.self) { try HeapProfileReader.read(bytes, path: "bad.pb") }
        guard case let .malformed(path, at, text) = error else { Issue.record("\(name): \(error)"); return }
        #expect(path == "bad.pb" && at == offset, "\(name): at \(at)")
        #expect(text.contains(message), "\(name): \(text)")
    }

    @Test(arguments: [
        ("a string index out of range", ProtoBytes.heapProfile(nameIndex: 99), "string index 99 is out of range"),
        ("a location that does not exist", ProtoBytes.heapProfile(sampleLocation: 42), "names location 42"),
        ("a function that does not exist", ProtoBytes.heapProfile(lineFunction: 77), "names function 77"),
    ] as [(String, [UInt8], String)])
    func refusesDanglingReferences(_ name: String, _ bytes: [UInt8], _ message: String) throws {
        let error = try #require(throws: HeapError.self) { try HeapProfileReader.read(bytes, path: "bad.pb") }
        #expect(error.localizedDescription.hasPrefix("bad.pb: byte "), "\(name)")
        #expect(error.localizedDescription.contains(message), "\(name): \(error.localizedDescription)")
    }

    @Test func refusesTruncatedGzipHTMLAndOtherText() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("p.pb", Data(ProtoBytes.heapProfile()))
        _ = try CommandRun.run(URL(fileURLWithPath: "/bin/gzip"), ["-k", "-f", plain])
        let gzipped = try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        let truncated = Array(gzipped.prefix(gzipped.count - 9))
        #expect(throws: HeapError.malformed(path: "t.gz", offset: truncated.count, message: "the gzip stream is truncated")) {
            try HeapProfileReader.read(truncated, path: "t.gz")
        }
        let html = try #require(throws: HeapError.self) { try HeapProfileReader.read(Array("<html><body>login</body></html>\n".utf8), path: "u") }
        #expect(html.localizedDescription.contains("perhaps an HTML page"))
        let legacy = try #require(throws: HeapError.self) {
            try HeapProfileReader.read(Array("heap profile: 1: 2 [3: 4] @ heap/1048576\nnot a record\n".utf8), path: "h.txt")
        }
        #expect(legacy == .malformed(path: "h.txt", offset: 41, message: "not a heap profile record: \"not a record\""))
        let huge = String(repeating: "x", count: 10_000)
        let long = try #require(throws: HeapError.self) {
            try HeapProfileReader.read(Array("heap profile: 1: 2 [3: 4] @ heap/1048576\n1: 2 [3: 4] @ \(huge)\n".utf8), path: "h.txt")
        }
        #expect(long.localizedDescription.count < 300, "a long line is quoted whole")
    }
}
