import Core
import DepwatchTestSupport
import Foundation
import Manifest
import Testing
@testable import Heap

/// depwatch's reading of real profiles against `go tool pprof` from the same toolchain: the flat value of
/// every function and the total of each sample type must be equal; the owner view must add up to the total.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct PprofReferenceTests {
    static let service = Result { try LeakyService() }
    /// Every sample (rate 1) and Go's default sampling (512 KiB, values scaled).
    static let profiles = Result { () throws -> [(rate: String, proto: String, text: String)] in
        let service = try PprofReferenceTests.service.get()
        let exact = try service.profiles(rate: 1, name: "exact")
        let sampled = try service.profiles(rate: nil, name: "sampled")
        return [("1", exact.proto, exact.text), ("default", sampled.proto, sampled.text)]
    }

    static let sampleTypes = ["inuse_objects", "inuse_space", "alloc_objects", "alloc_space"]

    /// `go tool pprof -top` of `path` at `sample`: the total and each function's flat value (the
    /// `(inline)` mark dropped, a function shown both inlined and not summed, generic type arguments
    /// written `[...]` as depwatch names them).
    static func pprofTop(_ path: String, sample: String, binary: String? = nil) throws -> (total: Int64, flat: [String: Int64]) {
        let result = try GoToolchain.run(["tool", "pprof", "-top", "-sample_index=\(sample)", "-unit=B", "-nodecount=100000",
                                          "-nodefraction=0", "-edgefraction=0"] + (binary.map { [$0] } ?? []) + [path])
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        func number(_ text: Substring) -> Int64? { Int64(text.hasSuffix("B") ? text.dropLast() : text) }
        var total: Int64?, flat: [String: Int64] = [:]
        for line in result.stdout.split(separator: "\n") {
            if line.hasPrefix("Showing nodes accounting for"), let of = line.range(of: "% of ") {
                total = number(line[of.upperBound...].split(separator: " ")[0])
                continue
            }
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let value = number(fields[0]), fields[1].hasSuffix("%") else { continue }
            let shown = fields[5].drop { $0 == " " }
            let name = shown.hasSuffix(" (inline)") ? String(shown.dropLast(" (inline)".count)) : String(shown)
            flat[GoFunctionName.normalized(name), default: 0] += value
        }
        return (try #require(total), flat)
    }

    /// depwatch's flat value of every function with a non-zero one.
    static func flat(_ profile: HeapProfile, sample: String) throws -> [String: Int64] {
        let index = try #require(profile.sampleIndex(sample))
        var flat: [String: Int64] = [:]
        for s in profile.samples where s.values[index] != 0 {
            flat[profile.functions[Int(try #require(s.stack.first))], default: 0] += s.values[index]
        }
        return flat
    }

    @Test(arguments: sampleTypes)
    func flatValuesAndTotalsEqualPprofs(_ sample: String) throws {
        for (rate, proto, _) in try Self.profiles.get() {
            let profile = try HeapProfileReader.read(path: proto)
            let reference = try Self.pprofTop(proto, sample: sample)
            let index = try #require(profile.sampleIndex(sample))
            #expect(profile.total(index) == reference.total, "rate \(rate), \(sample)")
            let ours = try Self.flat(profile, sample: sample), theirs = reference.flat.filter { $0.value != 0 }
            let differing = Set(ours.keys).union(theirs.keys).filter { ours[$0] != theirs[$0] }.sorted()
                .map { "\($0): depwatch \(ours[$0].map(String.init) ?? "-"), pprof \(theirs[$0].map(String.init) ?? "-")" }
            #expect(differing.isEmpty, "rate \(rate), \(sample): \(differing.joined(separator: "; "))")
        }
    }

    /// The text form carries the same moment: the same values per function (its frames are named by the
    /// runtime's own comment lines, inlined functions included), and pprof (given the binary) the same totals.
    @Test func theTextFormAgreesWithTheProtoForm() throws {
        let service = try Self.service.get()
        for (rate, proto, text) in try Self.profiles.get() {
            let fromProto = try HeapProfileReader.read(path: proto), fromText = try HeapProfileReader.read(path: text)
            for sample in Self.sampleTypes {
                #expect(try Self.flat(fromText, sample: sample) == Self.flat(fromProto, sample: sample), "rate \(rate), \(sample)")
            }
            // pprof reads only the in-use values of the text form (and names frames from the binary, without
            // the inlined ones): the totals must agree.
            for sample in ["inuse_objects", "inuse_space"] {
                let reference = try Self.pprofTop(text, sample: sample, binary: service.binary)
                #expect(fromText.total(try #require(fromText.sampleIndex(sample))) == reference.total, "rate \(rate), \(sample)")
            }
        }
    }

    @Test(arguments: HeapAttribution.View.allCases)
    func everyViewAddsUpToTheTotal(_ view: HeapAttribution.View) throws {
        let service = try Self.service.get()
        let modules = ModuleMap(InventoryLoader.load([service.project]))
        for (_, proto, _) in try Self.profiles.get() {
            let profile = try HeapProfileReader.read(path: proto)
            for sample in Self.sampleTypes {
                let attribution = HeapAttribution(profile, sampleIndex: try #require(profile.sampleIndex(sample)), modules: modules, view: view)
                #expect(attribution.shares.reduce(0) { $0 + $1.value } == attribution.total)
                #expect(attribution.shares.reduce(0) { $0 + $1.paired } == attribution.pairedTotal)
            }
        }
    }

    /// The owner view gives the cache the list elements and maps it allocated through the standard
    /// library; the replaced module is found under its import path, with the directory that is built.
    @Test func theOwnerViewGivesTheLeakToTheCache() throws {
        let service = try Self.service.get()
        let modules = ModuleMap(InventoryLoader.load([service.project]))
        let profile = try HeapProfileReader.read(path: try Self.profiles.get()[0].proto)
        let index = try #require(profile.sampleIndex("inuse_objects"))
        let owner = HeapAttribution(profile, sampleIndex: index, modules: modules, view: .owner)
        let flat = HeapAttribution(profile, sampleIndex: index, modules: modules, view: .flat)
        let cacheOwned = try #require(owner.shares.first { $0.holder.name == "github.com/bluele/gcache" })
        let cacheFlat = try #require(flat.shares.first { $0.holder.name == "github.com/bluele/gcache" })
        #expect(cacheOwned.value > cacheFlat.value + 1900, "the list elements (2,000) are the cache's in the owner view")
        #expect(cacheOwned.functions.contains { $0.name == "github.com/bluele/gcache.(*Cache).Get" })
        guard case .module(let cache) = cacheOwned.holder else { Issue.record("gcache is not a module"); return }
        #expect(cache.version == "v0.0.1" && !cache.isMain)
        #expect(owner.shares.contains { $0.holder.name == "example.com/svc" }, "main. frames are the main module's")
        #expect(flat.shares.contains { $0.holder.name == "stdlib" })
        let ring = try #require(owner.shares.first { $0.holder.name == "example.com/ring" }, "the generic ring's boxes")
        #expect(ring.functions.map(\.name) == ["example.com/ring.(*Ring[...]).Push"])
        guard case .module(let replaced) = ring.holder else { Issue.record("ring is not a module"); return }
        #expect(replaced.built == "../ring", "a replaced module is found under its import path, with what is built")
    }
}
