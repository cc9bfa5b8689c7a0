import Core

/// Decides whether an advisory affects a package at a version: the OSV evaluation over every `affected`
/// entry naming the package, with the Go database's `custom_ranges` taking the place of the plain ranges
/// where they can be evaluated.
public enum AdvisoryMatcher {
    /// The verdict for `package` (a lookup key of `ecosystem`) at `version`, or `nil` when the advisory names
    /// no such package. A withdrawn advisory never affects anything.
    public static func verdict(_ advisory: OSVAdvisory, ecosystem: Ecosystem, package: String,
                               version: String) -> MatchVerdict? {
        PackageMatcher(advisory, ecosystem: ecosystem, package: package)?.verdict(version)
    }

    /// `[introduced 0, fixed 1.2.3]`.
    static func describe(_ range: OSVRange) -> String {
        "[" + range.events.map { event -> String in
            switch event {
            case .introduced(let v): return "introduced \(v)"
            case .fixed(let v): return "fixed \(v)"
            case .lastAffected(let v): return "last_affected \(v)"
            case .limit(let v): return "limit \(v)"
            }
        }.joined(separator: ", ") + "]"
    }
}

/// Decides OSV `GIT` ranges, which need the dependency's repository: whether a commit lies in a range.
public protocol GitRangeEvaluating: Sendable {
    /// Whether `revision` (a commit id or a prefix of one) of `package` lies in `range`; `nil` when this
    /// evaluator cannot tell (no repository for the package, or a commit it does not have).
    func contains(_ range: OSVRange, package: String, revision: String) -> Bool?
}

/// One advisory's ranges for one package, parsed once, evaluated for as many versions as needed.
public struct PackageMatcher: Sendable {
    private let scheme: VersionScheme
    private let withdrawn: String?
    private let entries: [EntryMatcher]

    /// The matcher, or `nil` when the advisory names no such package.
    public init?(_ advisory: OSVAdvisory, ecosystem: Ecosystem, package: String) {
        let keys = Set(ecosystem.lookupKeys(forPackage: package))
        let entries = advisory.affected.filter {
            Ecosystem(osvEcosystem: $0.package.ecosystem) == ecosystem && keys.contains(ecosystem.key(forAdvisoryName: $0.package.name))
        }
        guard !entries.isEmpty else { return nil }
        scheme = ecosystem.scheme
        withdrawn = advisory.withdrawn
        self.entries = entries.map { EntryMatcher($0, scheme: ecosystem.scheme) }
    }

    /// The verdict at `version`.
    public func verdict(_ version: String) -> MatchVerdict {
        guard version != "0", let parsed = scheme.parse(version) else {
            if withdrawn != nil { return verdict(.zero) }
            return MatchVerdict(outcome: .unverifiable, decidedBy: "pinned version", confidence: .low,
                                reason: "\"\(version)\" is not a \(scheme == .go ? "Go" : "semantic") version", fixedVersions: [])
        }
        return verdict(parsed)
    }

    /// The verdict at an already parsed version.
    public func verdict(_ version: VersionScheme.Parsed) -> MatchVerdict {
        if let withdrawn {
            return MatchVerdict(outcome: .notAffected, decidedBy: "withdrawn \(withdrawn)", confidence: .high, reason: nil, fixedVersions: [])
        }
        let verdicts = entries.map { $0.verdict(version) }
        return verdicts.first { $0.outcome == .affected } ?? verdicts.first { $0.outcome == .unverifiable } ?? verdicts[0]
    }

    /// Whether the advisory affects `version` (withdrawn advisories never do).
    public func affects(_ version: VersionScheme.Parsed) -> Bool {
        withdrawn == nil && entries.contains { $0.affects(version) }
    }

    /// Whether a full verdict could say anything but "not affected" (affected, or unverifiable): a check
    /// without building the verdict's explanation, for the common case of a clean version.
    public func mayMatter(_ version: VersionScheme.Parsed) -> Bool {
        withdrawn == nil && entries.contains { $0.affects(version) || $0.hasUnevaluableRange }
    }

    /// The verdict of the advisory's `GIT` ranges for a commit, or `nil` when there are none or
    /// `evaluator` cannot decide them.
    public func gitVerdict(revision: String, package: String, evaluator: any GitRangeEvaluating) -> MatchVerdict? {
        guard withdrawn == nil else { return nil }
        var decidedBy: String?
        for entry in entries {
            for (name, range) in entry.gitRanges {
                guard let inside = evaluator.contains(range, package: package, revision: revision) else { return nil }
                if inside {
                    return MatchVerdict(outcome: .affected, decidedBy: "\(name) at commit \(revision)", confidence: .high,
                                        reason: nil, fixedVersions: entry.fixedVersions)
                }
                decidedBy = decidedBy ?? "\(name) at commit \(revision)"
            }
        }
        return decidedBy.map { MatchVerdict(outcome: .notAffected, decidedBy: $0, confidence: .high, reason: nil, fixedVersions: []) }
    }

    /// The versions the deciding ranges name as fixes.
    public var fixedVersions: [String] {
        entries.flatMap(\.fixedVersions)
    }
}

/// One `affected` entry, compiled: custom ranges chosen over plain ones when they can be evaluated.
struct EntryMatcher: Sendable {
    private struct Range: Sendable {
        var name: String
        var compiled: CompiledRange?
        var problem: String?
    }

    private let ranges: [Range]
    /// The `GIT` ranges, with their names, for an evaluator that has the repository.
    let gitRanges: [(name: String, range: OSVRange)]
    private let versions: [VersionScheme.Parsed]
    private let confidence: Confidence
    private let reason: String?
    let fixedVersions: [String]

    init(_ entry: OSVAffected, scheme: VersionScheme) {
        var ranges = entry.ranges
        var label = "range"
        var confidence = Confidence.high
        var reason: String?
        if let custom = entry.customRanges, !custom.isEmpty {
            if let bad = custom.flatMap(\.events).map(\.version).first(where: { !scheme.isValid($0) }) {
                confidence = .low
                reason = "custom_ranges version \"\(bad)\" is not a Go version; the plain range decided"
            } else {
                ranges = custom
                label = "custom range"
            }
        }
        self.confidence = confidence
        self.reason = reason
        versions = entry.versions.compactMap(scheme.parse)
        fixedVersions = ranges.filter { $0.type != "GIT" }.flatMap(\.events).compactMap {
            if case .fixed(let v) = $0 { return v }
            return nil
        }
        gitRanges = ranges.enumerated().filter { $0.element.type == "GIT" }.map { index, range in
            ("\(label) \(index + 1) (GIT) \(AdvisoryMatcher.describe(range))", range)
        }
        self.ranges = ranges.enumerated().map { index, range in
            let name = "\(label) \(index + 1) (\(range.type)) \(AdvisoryMatcher.describe(range))"
            if range.type == "GIT" {
                return Range(name: name, compiled: nil, problem: "\(name) is a GIT range: deciding it needs the dependency's repository")
            }
            do throws(RangeEvaluation.Unevaluable) {
                return Range(name: name, compiled: try CompiledRange(range, scheme: scheme), problem: nil)
            } catch {
                return Range(name: name, compiled: nil, problem: "\(name): \"\(error.version)\" is not a version of this ecosystem")
            }
        }
    }

    /// Whether an evaluable range or the versions list contains `version`.
    func affects(_ version: VersionScheme.Parsed) -> Bool {
        versions.contains { !($0 < version) && !(version < $0) } || ranges.contains { $0.compiled?.contains(version) == true }
    }

    /// Whether some range could not be compiled (GIT, or versions of another scheme).
    var hasUnevaluableRange: Bool {
        ranges.contains { $0.compiled == nil }
    }

    func verdict(_ version: VersionScheme.Parsed) -> MatchVerdict {
        if versions.contains(where: { !($0 < version) && !(version < $0) }) {
            return MatchVerdict(outcome: .affected, decidedBy: "versions list", confidence: confidence, reason: reason,
                                fixedVersions: fixedVersions)
        }
        var unverifiable: String?
        var decidedBy: String?
        for range in ranges {
            guard let compiled = range.compiled else {
                unverifiable = unverifiable ?? range.problem
                continue
            }
            if compiled.contains(version) {
                return MatchVerdict(outcome: .affected, decidedBy: range.name, confidence: confidence, reason: reason,
                                    fixedVersions: fixedVersions)
            }
            decidedBy = decidedBy ?? range.name
        }
        if let unverifiable, decidedBy == nil {
            return MatchVerdict(outcome: .unverifiable, decidedBy: "no range could decide", confidence: .low,
                                reason: unverifiable, fixedVersions: fixedVersions)
        }
        // A range that could not be evaluated leaves the "not affected" answer less than certain.
        return MatchVerdict(outcome: .notAffected, decidedBy: decidedBy ?? "no range or version names it",
                            confidence: unverifiable == nil ? confidence : .low, reason: reason ?? unverifiable,
                            fixedVersions: fixedVersions)
    }
}
