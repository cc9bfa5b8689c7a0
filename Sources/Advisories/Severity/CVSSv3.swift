import Foundation

/// A CVSS v3.0/v3.1 base vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`) and its base score,
/// computed with the formula of the CVSS v3.1 specification, section 7.
public struct CVSSv3: Sendable, Hashable {
    /// The metric values, by metric (`AV` → `N`).
    public let metrics: [String: String]

    /// Parses a vector; `nil` when it is not CVSS 3.x or a base metric is missing or unknown.
    public init?(vector: String) {
        let parts = vector.split(separator: "/")
        guard let head = parts.first, head == "CVSS:3.0" || head == "CVSS:3.1" else { return nil }
        var metrics: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            metrics[String(pair[0])] = String(pair[1])
        }
        for (metric, values) in Self.allowed where !values.contains(metrics[metric] ?? "") { return nil }
        self.metrics = metrics
    }

    private static let allowed: [String: Set<String>] = [
        "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "PR": ["N", "L", "H"], "UI": ["N", "R"],
        "S": ["U", "C"], "C": ["H", "L", "N"], "I": ["H", "L", "N"], "A": ["H", "L", "N"],
    ]

    /// The base score, 0.0 to 10.0.
    public var baseScore: Double {
        let changed = metrics["S"] == "C"
        let av = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"]!]!
        let ac = ["L": 0.77, "H": 0.44][metrics["AC"]!]!
        let pr = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[metrics["PR"]!]!
        let ui = ["N": 0.85, "R": 0.62][metrics["UI"]!]!
        let cia = ["H": 0.56, "L": 0.22, "N": 0.0]
        let iss = 1 - (1 - cia[metrics["C"]!]!) * (1 - cia[metrics["I"]!]!) * (1 - cia[metrics["A"]!]!)
        let impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability = 8.22 * av * ac * pr * ui
        if impact <= 0 { return 0 }
        return Self.roundUp(min((changed ? 1.08 : 1) * (impact + exploitability), 10))
    }

    /// CVSS v3.1's Roundup: the smallest number with one decimal that is not below the input,
    /// computed on integers so that floating-point error does not round 4.0 up to 4.1.
    static func roundUp(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        return scaled % 10_000 == 0 ? Double(scaled) / 100_000 : (Double(scaled / 10_000) + 1) / 10
    }
}
