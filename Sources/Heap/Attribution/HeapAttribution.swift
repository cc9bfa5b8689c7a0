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
        // Sums per function (an array indexed by function, not a dictionary per holder): the holder of a
        // function is fixed, so the holders' sums are their functions' sums, added up at the end.
        var functionValue = [Int64](repeating: 0, count: profile.functions.count)
        var functionPaired = functionValue
        var stacklessValue: (Int64, Int64) = (0, 0)
        var total: Int64 = 0, pairedTotal: Int64 = 0
        let types = profile.sampleTypes.count
        var start = 0
        for (sample, end) in profile.stackEnds.enumerated() {
            defer { start = end }
            let value = profile.values[sample * types + sampleIndex]
            let paired = pairedIndex.map { profile.values[sample * types + $0] } ?? 0
            total &+= value
            pairedTotal &+= paired
            guard value != 0 || paired != 0 else { continue }
            guard let frame = holders.countedFrame(profile.frames[start..<end], view: view) else {
                stacklessValue = (stacklessValue.0 &+ value, stacklessValue.1 &+ paired)
                continue
            }
            functionValue[Int(frame)] &+= value
            functionPaired[Int(frame)] &+= paired
        }
        (self.total, self.pairedTotal) = (total, pairedTotal)
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
    private var isStandardLibrary: [Bool]

    init(_ profile: HeapProfile, _ modules: ModuleMap) {
        let main = modules.modules.values.filter(\.isMain).sorted { $0.path < $1.path }.first
        holders = []
        isStandardLibrary = []
        holders.reserveCapacity(profile.functions.count)
        // Functions of one package share its holder: looked up once per package.
        var byPackage: [String: HeapAttribution.Holder] = [:]
        for function in profile.functions {
            guard let package = FrameName.package(of: function) else {
                holders.append(.unknown)
                isStandardLibrary.append(false)
                continue
            }
            if package == "main" {
                holders.append(main.map { .module($0) } ?? .unknown)
                isStandardLibrary.append(false)
            } else if FrameName.isStandardLibrary(package) {
                holders.append(.standardLibrary)
                isStandardLibrary.append(true)
            } else {
                let holder = byPackage[package] ?? (modules.module(containing: package).map { .module($0) } ?? .unknown)
                byPackage[package] = holder
                holders.append(holder)
                isStandardLibrary.append(false)
            }
        }
    }

    /// The frame a stack is counted for in `view`: the leaf (flat), or the first frame outside the
    /// standard library, else the leaf (owner); `nil` for an empty stack.
    func countedFrame(_ stack: ArraySlice<Int32>, view: HeapAttribution.View) -> Int32? {
        guard let leaf = stack.first else { return nil }
        switch view {
        case .flat: return leaf
        case .owner: return stack.first { !isStandardLibrary[Int($0)] } ?? leaf
        }
    }

    /// The holder of a counted frame: its function's (a standard-library frame counted by the owner view
    /// means the whole stack was the standard library's).
    func holder(of frame: Int32) -> HeapAttribution.Holder {
        holders[Int(frame)]
    }
}
