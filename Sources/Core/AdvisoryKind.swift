/// What kind of problem a finding records. Curated advisories carry theirs in
/// `database_specific.depwatch.kind` (one of `recordable`); imported ones are `security`; `policy` is the
/// kind of a finding made by depwatch.toml's deny list, never of an advisory.
public enum AdvisoryKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A vulnerability (every imported advisory).
    case security
    /// Memory or another resource that is never released.
    case leak
    /// A panic, a crash or a hang.
    case crash
    /// A slowdown.
    case performance
    /// Wrong results.
    case correctness
    /// A package no one maintains any more.
    case unmaintained
    /// A package depwatch.toml denies (a finding's kind, never an advisory's).
    case policy

    /// The kinds an advisory may carry (every kind but `policy`).
    public static let recordable: [AdvisoryKind] = allCases.filter { $0 != .policy }

    /// In the order of their names, as lists of kinds are printed.
    public static func < (a: AdvisoryKind, b: AdvisoryKind) -> Bool { a.rawValue < b.rawValue }
}
