/// What kind of problem a finding records. Curated advisories carry theirs in
/// `database_specific.depwatch.kind` (one of `recordable`); imported ones are `security`; `policy` is the
/// kind of a finding made by depwatch.toml's deny list, never of an advisory.
public enum AdvisoryKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case security, leak, crash, performance, correctness, unmaintained, policy

    /// The kinds an advisory may carry (every kind but `policy`).
    public static let recordable: [AdvisoryKind] = allCases.filter { $0 != .policy }

    /// In the order of their names, as lists of kinds are printed.
    public static func < (a: AdvisoryKind, b: AdvisoryKind) -> Bool { a.rawValue < b.rawValue }
}
