/// How bad a problem is: from a CVSS v3 vector's base score, else the source's own label, else unknown.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// No score and no label.
    case unknown
    /// CVSS 0.1–3.9 (and 0.0).
    case low
    /// CVSS 4.0–6.9.
    case medium
    /// CVSS 7.0–8.9.
    case high
    /// CVSS 9.0–10.0.
    case critical

    /// A switch rather than `allCases.firstIndex(of:)`, which builds the array on every comparison
    /// (sorting thousands of findings compares severities often).
    private var rank: Int {
        switch self {
        case .unknown: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// `unknown` < `low` < `medium` < `high` < `critical`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The CVSS v3 qualitative rating of a base score (0.0, "none", counts as low).
    public init(score: Double) {
        switch score {
        case 9.0...: self = .critical
        case 7.0..<9.0: self = .high
        case 4.0..<7.0: self = .medium
        default: self = .low
        }
    }

    /// A source's own label: GitHub's `LOW`/`MODERATE`/`HIGH`/`CRITICAL`, and the CVSS names.
    public init?(label: String) {
        switch label.lowercased() {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "moderate", "medium": self = .medium
        case "low", "none", "negligible": self = .low
        default: return nil
        }
    }
}
