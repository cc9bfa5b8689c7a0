/// Decides whether an advisory affects a package at a version: the OSV evaluation over every `affected`
/// entry naming the package, with the Go database's `custom_ranges` taking the place of the plain ranges
/// where they can be evaluated.
public enum AdvisoryMatcher {
    /// The verdict for `package` (already a lookup key of `family`) at `version`, or `nil` when the
    /// advisory names no such package. A withdrawn advisory never affects anything.
    public static func verdict(_ advisory: OSVAdvisory, family: EcosystemFamily, package: String,
                               version: String) -> MatchVerdict? {
        let keys = Set(family.lookupKeys(forPackage: package))
        let entries = advisory.affected.filter {
            EcosystemFamily(osvEcosystem: $0.package.ecosystem) == family && keys.contains(family.key(forAdvisoryName: $0.package.name))
        }
        guard !entries.isEmpty else { return nil }
        if let withdrawn = advisory.withdrawn {
            return MatchVerdict(outcome: .notAffected, decidedBy: "withdrawn \(withdrawn)", confidence: .high,
                                reason: nil, fixedVersions: [])
        }
        guard family.scheme.isValid(version), version != "0" else {
            return MatchVerdict(outcome: .unverifiable, decidedBy: "pinned version", confidence: .low,
                                reason: "\"\(version)\" is not a \(family.scheme == .go ? "Go" : "semantic") version",
                                fixedVersions: [])
        }
        let verdicts = entries.map { verdict($0, scheme: family.scheme, version: version) }
        return verdicts.first { $0.outcome == .affected }
            ?? verdicts.first { $0.outcome == .unverifiable }
            ?? verdicts[0]
    }

    /// The verdict of one `affected` entry.
    static func verdict(_ entry: OSVAffected, scheme: VersionScheme, version: String) -> MatchVerdict {
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
        if entry.versions.contains(where: { scheme.compare($0, version) == 0 }) {
            return MatchVerdict(outcome: .affected, decidedBy: "versions list", confidence: confidence, reason: reason,
                                fixedVersions: fixes(ranges))
        }
        var unverifiable: String?
        var decidedBy: String?
        for (index, range) in ranges.enumerated() {
            let name = "\(label) \(index + 1) (\(range.type)) \(describe(range))"
            guard range.type != "GIT" else {
                unverifiable = unverifiable ?? "\(name) is a GIT range: deciding it needs the dependency's repository"
                continue
            }
            do {
                if try RangeEvaluation.contains(range, version: version, scheme: scheme) {
                    return MatchVerdict(outcome: .affected, decidedBy: name, confidence: confidence, reason: reason,
                                        fixedVersions: fixes(ranges))
                }
                decidedBy = decidedBy ?? name
            } catch {
                unverifiable = unverifiable ?? "\(name): \"\(error.version)\" is not a version of this ecosystem"
            }
        }
        if let unverifiable, decidedBy == nil || ranges.allSatisfy({ $0.type == "GIT" }) {
            return MatchVerdict(outcome: .unverifiable, decidedBy: "no range could decide", confidence: .low,
                                reason: unverifiable, fixedVersions: fixes(ranges))
        }
        // A range that could not be evaluated leaves the "not affected" answer less than certain.
        return MatchVerdict(outcome: .notAffected, decidedBy: decidedBy ?? "no range or version names it",
                            confidence: unverifiable == nil ? confidence : .low, reason: reason ?? unverifiable,
                            fixedVersions: fixes(ranges))
    }

    private static func fixes(_ ranges: [OSVRange]) -> [String] {
        ranges.filter { $0.type != "GIT" }.flatMap(\.events).compactMap {
            if case .fixed(let v) = $0 { return v }
            return nil
        }
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
