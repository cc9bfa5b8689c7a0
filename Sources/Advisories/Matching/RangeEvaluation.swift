/// OSV range evaluation, exactly as the OSV schema's "Evaluation" section gives it: events sorted by
/// version, `introduced` turns on, `fixed` (at or below the version) and `last_affected` (below it)
/// turn off, and `limit` events bound the range from above (`*` is infinity).
public enum RangeEvaluation {
    /// Why a range could not be evaluated.
    public struct Unevaluable: Error, Sendable, Hashable {
        /// The event version that is not a version of the scheme.
        public var version: String
    }

    /// Whether `version` lies in `range` under `scheme`. Throws when an event's version is not a version of
    /// the scheme (the caller decides what that means).
    public static func contains(_ range: OSVRange, version: String, scheme: VersionScheme) throws(Unevaluable) -> Bool {
        for event in range.events where !(event.version == "*" && isLimit(event)) {
            guard scheme.isValid(event.version) else { throw Unevaluable(version: event.version) }
        }
        guard beforeLimits(range, version: version, scheme: scheme) else { return false }
        let sorted = range.events.filter { !isLimit($0) }.enumerated().sorted { a, b in
            let order = scheme.compare(a.element.version, b.element.version) ?? 0
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
        var affected = false
        for event in sorted {
            let order = scheme.compare(version, event.version) ?? -1
            switch event {
            case .introduced: if order >= 0 { affected = true }
            case .fixed: if order >= 0 { affected = false }
            case .lastAffected: if order > 0 { affected = false }
            case .limit: break
            }
        }
        return affected
    }

    private static func isLimit(_ event: OSVEvent) -> Bool {
        if case .limit = event { return true }
        return false
    }

    private static func beforeLimits(_ range: OSVRange, version: String, scheme: VersionScheme) -> Bool {
        let limits = range.events.filter(isLimit).map(\.version)
        if limits.isEmpty { return true }
        return limits.contains { $0.contains("*") || (scheme.compare(version, $0) ?? 1) < 0 }
    }
}
