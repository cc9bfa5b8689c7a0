/// OSV range evaluation, exactly as the OSV schema's "Evaluation" section gives it: events sorted by
/// version, `introduced` turns on, `fixed` (at or below the version) and `last_affected` (below it)
/// turn off, and `limit` events bound the range from above (`*` is infinity).
public enum RangeEvaluation {
    /// Why a range could not be evaluated.
    public struct Unevaluable: Error, Sendable, Hashable {
        /// The version that is not a version of the scheme.
        public var version: String
    }

    /// Whether `version` lies in `range` under `scheme`. Throws when a version is not a version of the
    /// scheme (the caller decides what that means).
    public static func contains(_ range: OSVRange, version: String, scheme: VersionScheme) throws(Unevaluable) -> Bool {
        guard let v = scheme.parse(version) else { throw Unevaluable(version: version) }
        return try CompiledRange(range, scheme: scheme).contains(v)
    }
}

/// A range with its versions parsed and its events sorted once, for evaluating many versions.
public struct CompiledRange: Sendable {
    /// What an event does at its version.
    private enum Step: Sendable { case introduced, fixed, lastAffected }

    /// The introduced, fixed and last_affected events, sorted by version (ties in the advisory's order):
    /// versions and kinds in two arrays, so that matching reads them in place without copying an event's text.
    private let versions: [VersionScheme.Parsed]
    private let steps: [Step]
    /// Upper bounds; `nil` stands for `*` (infinity).
    private let limits: [VersionScheme.Parsed?]

    /// Parses and sorts `range`; throws when an event's version is not a version of `scheme`.
    public init(_ range: OSVRange, scheme: VersionScheme) throws(RangeEvaluation.Unevaluable) {
        var limits: [VersionScheme.Parsed?] = []
        var timeline: [(version: VersionScheme.Parsed, step: Step, order: Int)] = []
        for (order, event) in range.events.enumerated() {
            if case .limit(let text) = event, text.contains("*") {
                limits.append(nil)
                continue
            }
            guard let parsed = scheme.parse(event.version) else { throw RangeEvaluation.Unevaluable(version: event.version) }
            switch event {
            case .introduced: timeline.append((parsed, .introduced, order))
            case .fixed: timeline.append((parsed, .fixed, order))
            case .lastAffected: timeline.append((parsed, .lastAffected, order))
            case .limit: limits.append(parsed)
            }
        }
        timeline.sort { $0.version < $1.version || (!($1.version < $0.version) && $0.order < $1.order) }
        versions = timeline.map(\.version)
        steps = timeline.map(\.step)
        self.limits = limits
    }

    /// Whether the parsed version `v` lies in the range.
    public func contains(_ v: VersionScheme.Parsed) -> Bool {
        // BeforeLimits: with limit events, the version must lie below one of them.
        if !limits.isEmpty && !limits.contains(where: { $0.map { v < $0 } ?? true }) { return false }
        var affected = false
        for index in versions.indices {
            // Sorted: an event above `v` changes nothing (introduced and fixed apply from their version on,
            // last_affected above it), and neither does any later one.
            if v < versions[index] { break }
            switch steps[index] {
            case .introduced: affected = true
            case .fixed: affected = false
            case .lastAffected: if versions[index] < v { affected = false }
            }
        }
        return affected
    }
}
