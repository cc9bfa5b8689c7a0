import Heap

/// What a heap-profile judge measures of the focus module: what it owns of the in-use heap (the owner
/// view: a `container/list` element or a map the module allocated through the standard library is its).
public enum HeapMeasure: String, Sendable, Equatable, CaseIterable {
    /// In-use objects it owns (`--max-objects`).
    case objects
    /// In-use bytes it owns (`--max-bytes`).
    case bytes
    /// Its percentage of the in-use objects (`--max-share`).
    case share
}

extension Judge {
    /// The value a heap profile gives `focus`: its owned in-use objects or bytes, or its percentage of the
    /// in-use objects; the error says what is wrong with the profile.
    static func heapValue(profile path: String, focus: String, measure: HeapMeasure) -> Result<Double, MetricProblem> {
        let profile: HeapProfile
        do {
            profile = try HeapProfileReader.read(path: path)
        } catch {
            if case .unreadable = error {
                return .failure(MetricProblem("the test wrote no heap profile to $DEPWATCH_HEAP_PROFILE (\(error.localizedDescription)); "
                                              + "write one there, e.g. pprof.Lookup(\"heap\").WriteTo(f, 0) after runtime.GC()"))
            }
            return .failure(MetricProblem("the heap profile the test wrote is not readable: \(error.localizedDescription)"))
        }
        let type = measure == .bytes ? "inuse_space" : "inuse_objects"
        guard let index = profile.sampleIndex(type) else {
            return .failure(MetricProblem("the heap profile has no \(type) sample (it has \(profile.sampleTypes.map(\.type).joined(separator: ", ")))"))
        }
        let modules = ModuleMap([.init(path: focus, built: focus, version: nil, isMain: false, manifest: "")])
        let attribution = HeapAttribution(profile, sampleIndex: index, modules: modules, view: .owner)
        let owned = attribution.shares.first { $0.holder.name == focus }?.value ?? 0
        switch measure {
        case .objects, .bytes: return .success(Double(owned))
        case .share: return .success(attribution.total == 0 ? 0 : Double(owned) * 100 / Double(attribution.total))
        }
    }
}
