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
        var values: [Holder: (Int64, Int64, [Int32: (Int64, Int64)])] = [:]
        var total: Int64 = 0, pairedTotal: Int64 = 0
        for sample in profile.samples {
            let value = sample.values[sampleIndex], paired = pairedIndex.map { sample.values[$0] } ?? 0
            total &+= value
            pairedTotal &+= paired
            guard value != 0 || paired != 0 else { continue }
            let (holder, frame) = holders.holder(of: sample.stack, view: view)
            var entry = values[holder] ?? (0, 0, [:])
            entry.0 &+= value
            entry.1 &+= paired
            if let frame {
                let function = entry.2[frame] ?? (0, 0)
                entry.2[frame] = (function.0 &+ value, function.1 &+ paired)
            }
            values[holder] = entry
        }
        (self.total, self.pairedTotal) = (total, pairedTotal)
        shares = values.map { holder, entry in
            Share(holder: holder, value: entry.0, paired: entry.1, functions: entry.2.map {
                FunctionShare(name: profile.functions[Int($0.key)], value: $0.value.0, paired: $0.value.1)
            }.sorted { ($0.value, $1.name) > ($1.value, $0.name) })
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
                holders.append(modules.module(containing: package).map { .module($0) } ?? .unknown)
                isStandardLibrary.append(false)
            }
        }
    }

    /// The holder of a stack in `view`, and the frame counted for it.
    func holder(of stack: [Int32], view: HeapAttribution.View) -> (HeapAttribution.Holder, Int32?) {
        guard let leaf = stack.first else { return (.unknown, nil) }
        switch view {
        case .flat:
            return (holders[Int(leaf)], leaf)
        case .owner:
            guard let owner = stack.first(where: { !isStandardLibrary[Int($0)] }) else { return (.standardLibrary, leaf) }
            return (holders[Int(owner)], owner)
        }
    }
}
