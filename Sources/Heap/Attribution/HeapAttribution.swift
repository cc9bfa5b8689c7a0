import Core
import Foundation

/// A heap profile's sample attributed to the modules of a project: which module holds what share.
public struct HeapAttribution: Sendable {
    /// Which frame of a stack a sample is counted for.
    public enum View: String, Sendable, CaseIterable {
        /// The first frame from the leaf up outside the standard library: a `container/list` element or
        /// a runtime map that gcache allocated is gcache's.
        case owner
        /// The frame that allocated (the leaf), as `go tool pprof -top` counts it.
        case flat
    }

    /// What a share belongs to.
    public enum Holder: Sendable, Hashable {
        /// A module of the project's build (main or dependency).
        case module(ModuleMap.Module)
        /// The Go standard library.
        case standardLibrary
        /// A frame no module of the project claims (an unknown package, an unsymbolized address).
        case unknown

        /// The name a report shows: the module path, `stdlib` or `unknown`.
        public var name: String {
            switch self {
            case .module(let module): module.path
            case .standardLibrary: "stdlib"
            case .unknown: "unknown"
            }
        }
    }

    /// A function's part of a holder's share.
    public struct FunctionShare: Sendable, Hashable {
        /// The function name.
        public var name: String
        /// Its value of the chosen sample type, and of the paired one (bytes for objects, and back).
        public var value: Int64, paired: Int64
    }

    /// One holder's share.
    public struct Share: Sendable {
        /// Who holds it.
        public var holder: Holder
        /// The chosen sample type's value, and the paired type's.
        public var value: Int64, paired: Int64
        /// Its functions, largest first.
        public var functions: [FunctionShare]
    }

    /// The sample type counted (`inuse_objects`), and the one paired with it (`inuse_space`), if any.
    public var sample: HeapProfile.SampleType, pairedSample: HeapProfile.SampleType?
    /// The view.
    public var view: View
    /// The profile's totals of both.
    public var total: Int64, pairedTotal: Int64
    /// Every holder with a non-zero value, largest first (ties by name).
    public var shares: [Share]

    /// Attributes sample type `sampleIndex` of `profile` to the modules of `modules`.
    public init(_ profile: HeapProfile, sampleIndex: Int, modules: ModuleMap, view: View) {
        sample = profile.sampleTypes[sampleIndex]
        let pairedIndex = Self.pairedIndex(profile, sampleIndex)
        pairedSample = pairedIndex.map { profile.sampleTypes[$0] }
        self.view = view
        let holders = FrameHolders(profile, modules)
        let sums = Self.sumsPerFunction(profile, sampleIndex: sampleIndex, pairedIndex: pairedIndex, holders: holders, view: view)
        let (functionValue, functionPaired, stacklessValue) = (sums.value, sums.paired, sums.stackless)
        (self.total, self.pairedTotal) = (sums.total, sums.pairedTotal)
        var byHolder: [HeapAttribution.Holder: (Int64, Int64, [FunctionShare])] = [:]
        for function in functionValue.indices where functionValue[function] != 0 || functionPaired[function] != 0 {
            let holder = holders.holder(of: Int32(function))
            var entry = byHolder[holder] ?? (0, 0, [])
            entry.0 &+= functionValue[function]
            entry.1 &+= functionPaired[function]
            entry.2.append(FunctionShare(name: profile.functions[function], value: functionValue[function], paired: functionPaired[function]))
            byHolder[holder] = entry
        }
        if stacklessValue != (0, 0) {
            var entry = byHolder[.unknown] ?? (0, 0, [])
            (entry.0, entry.1) = (entry.0 &+ stacklessValue.0, entry.1 &+ stacklessValue.1)
            byHolder[.unknown] = entry
        }
        shares = byHolder.map { holder, entry in
            Share(holder: holder, value: entry.0, paired: entry.1, functions: entry.2.sorted { ($0.value, $1.name) > ($1.value, $0.name) })
        }.sorted { ($0.value, $1.holder.name) > ($1.value, $0.holder.name) }
    }

    /// What each function's counted frames add up to (arrays indexed by function, not a dictionary per
    /// holder: a function's holder is fixed, so a holder's sums are its functions'), over the samples of
    /// every chunk, the chunks split among the cores.
    private struct Sums: Sendable {
        var value: [Int64], paired: [Int64]
        var stackless: (Int64, Int64) = (0, 0)
        var total: Int64 = 0, pairedTotal: Int64 = 0

        init(functions: Int) {
            value = [Int64](repeating: 0, count: functions)
            paired = value
        }

        mutating func add(_ other: Sums) {
            for i in value.indices { value[i] &+= other.value[i]; paired[i] &+= other.paired[i] }
            stackless = (stackless.0 &+ other.stackless.0, stackless.1 &+ other.stackless.1)
            (total, pairedTotal) = (total &+ other.total, pairedTotal &+ other.pairedTotal)
        }
    }

    private static func sumsPerFunction(_ profile: HeapProfile, sampleIndex: Int, pairedIndex: Int?, holders: FrameHolders,
                                        view: View) -> Sums {
        let parts = max(1, min(profile.chunks.count, ProcessInfo.processInfo.activeProcessorCount))
        let partial = (0..<parts).concurrentMap { part -> Sums in
            var sums = Sums(functions: profile.functions.count)
            let types = profile.sampleTypes.count
            // Through buffer pointers: slices and copies of the arrays would retain them for every sample.
            profile.locationFrames.withUnsafeBufferPointer { frames in
                profile.locationEnds.withUnsafeBufferPointer { locationEnds in
                    holders.isStandardLibrary.withUnsafeBufferPointer { standard in
                        let stacks = LocationStacks(frames: frames, ends: locationEnds, index: profile.locationIndex,
                                                    isStandardLibrary: standard, owner: view == .owner)
                        for index in stride(from: part, to: profile.chunks.count, by: parts) {
                            Self.add(profile.chunks[index], of: profile, types: types, sampleIndex: sampleIndex, pairedIndex: pairedIndex,
                                     stacks: stacks, to: &sums)
                        }
                    }
                }
            }
            return sums
        }
        var sums = partial[0]
        for other in partial.dropFirst() { sums.add(other) }
        return sums
    }

    /// Adds one chunk's samples to `sums`.
    private static func add(_ chunk: HeapProfile.Chunk, of profile: HeapProfile, types: Int, sampleIndex: Int, pairedIndex: Int?,
                            stacks: LocationStacks, to sums: inout Sums) {
        (chunk.ownStacks ?? profile.stackBytes).withUnsafeBufferPointer { bytes in
            chunk.values.withUnsafeBufferPointer { values in
                for sample in 0..<chunk.count {
                    let value = values[sample * types + sampleIndex]
                    let paired = pairedIndex.map { values[sample * types + $0] } ?? 0
                    sums.total &+= value
                    sums.pairedTotal &+= paired
                    guard value != 0 || paired != 0 else { continue }
                    let stack = UnsafeBufferPointer(rebasing: bytes[Int(chunk.stackStarts[sample])..<Int(chunk.stackEnds[sample])])
                    guard let frame = stacks.countedFrame(stack) else {
                        sums.stackless = (sums.stackless.0 &+ value, sums.stackless.1 &+ paired)
                        continue
                    }
                    sums.value[Int(frame)] &+= value
                    sums.paired[Int(frame)] &+= paired
                }
            }
        }
    }

    /// `inuse_objects` ↔ `inuse_space`, `alloc_objects` ↔ `alloc_space`.
    static func pairedIndex(_ profile: HeapProfile, _ index: Int) -> Int? {
        let type = profile.sampleTypes[index].type
        guard let underscore = type.lastIndex(of: "_") else { return nil }
        let prefix = type[..<underscore], kind = type[type.index(after: underscore)...]
        let other = kind == "objects" ? "space" : kind == "space" ? "objects" : nil
        return other.flatMap { profile.sampleIndex(prefix + "_" + $0) }
    }
}

/// Which holder each function belongs to, worked out once per function rather than once per frame.
struct FrameHolders {
    private var holders: [HeapAttribution.Holder]
    /// Whether each function is the standard library's.
    private(set) var isStandardLibrary: [Bool]

    init(_ profile: HeapProfile, _ modules: ModuleMap) {
        let main = modules.modules.values.filter(\.isMain).sorted { $0.path < $1.path }.first
        // Independent per function: worked out in chunks on every core (a large profile names a hundred
        // thousand functions), each chunk looking a package up once.
        let functions = profile.functions
        let chunks = stride(from: 0, to: functions.count, by: 8192).map { $0..<min($0 + 8192, functions.count) }
        let parts = chunks.concurrentMap { range -> [(HeapAttribution.Holder, Bool)] in
            var byPackage: [String: HeapAttribution.Holder] = [:]
            return functions[range].map { function in
                guard let package = GoFunctionName.package(of: function) else { return (.unknown, false) }
                if package == "main" { return (main.map { .module($0) } ?? .unknown, false) }
                if GoFunctionName.isStandardLibrary(package) { return (.standardLibrary, true) }
                let holder = byPackage[package] ?? (modules.module(containing: package).map { .module($0) } ?? .unknown)
                byPackage[package] = holder
                return (holder, false)
            }
        }
        holders = parts.flatMap { $0.map(\.0) }
        isStandardLibrary = parts.flatMap { $0.map(\.1) }
    }

    /// The holder of a counted frame: its function's (a standard-library frame counted by the owner view
    /// means the whole stack was the standard library's).
    func holder(of frame: Int32) -> HeapAttribution.Holder {
        holders[Int(frame)]
    }
}

/// The frames of a profile's locations, read in place, and the frame a stack is counted for.
struct LocationStacks {
    let frames: UnsafeBufferPointer<Int32>
    let ends: UnsafeBufferPointer<Int32>
    let index: HeapProfile.LocationIndex
    let isStandardLibrary: UnsafeBufferPointer<Bool>
    /// The owner view (else flat).
    let owner: Bool

    /// The frames of the location with id `id` (checked when the profile was read).
    private func frameRange(_ id: UInt64) -> Range<Int> {
        guard let location = index.location(id) else { return 0..<0 }
        return (location == 0 ? 0 : Int(ends[Int(location) - 1]))..<Int(ends[Int(location)])
    }

    /// For a stack of varint location ids, leaf first: the leaf frame (flat), or the first frame outside
    /// the standard library, else the leaf (owner); `nil` for an empty stack.
    func countedFrame(_ stack: UnsafeBufferPointer<UInt8>) -> Int32? {
        var position = 0, leaf: Int32?
        while position < stack.count {
            let range = frameRange(Varint.read(stack, &position, end: stack.count))
            guard !range.isEmpty else { continue }
            if leaf == nil {
                leaf = frames[range.lowerBound]
                if !owner { return leaf }
            }
            for i in range where !isStandardLibrary[Int(frames[i])] { return frames[i] }
        }
        return leaf
    }
}
