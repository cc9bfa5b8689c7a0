/// How sure a verdict is.
public enum Confidence: String, Sendable, Hashable, Codable {
    /// Decided by data depwatch evaluated exactly.
    case high
    /// Decided by data depwatch could not evaluate exactly (the reason says which).
    case low
}

/// Whether one advisory affects one package at one version, and why.
public struct MatchVerdict: Sendable, Hashable {
    /// The answer.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The version is affected.
        case affected
        /// The version is not affected.
        case notAffected = "not-affected"
        /// The data cannot decide without more (a GIT range needs the repository; an unparsable version).
        case unverifiable
    }

    /// The answer.
    public var outcome: Outcome
    /// What decided it, for people: `custom range 1 (ECOSYSTEM) [introduced 0, fixed 5.0.4-…]`.
    public var decidedBy: String
    /// How sure the answer is.
    public var confidence: Confidence
    /// Why confidence is low, or why the outcome is unverifiable.
    public var reason: String?
    /// The versions the deciding ranges name as fixes (`fixed` events), in range order.
    public var fixedVersions: [String]
}
