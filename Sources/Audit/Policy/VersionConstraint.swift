import Advisories
import Foundation

/// A version range written as comparisons joined by commas: `>= 1.0.0, < 1.2.0`, `< v0.0.2`, `= 2.1.0`.
public struct VersionConstraint: Sendable, Hashable, CustomStringConvertible {
    /// One comparison.
    public struct Comparison: Sendable, Hashable {
        /// `<`, `<=`, `>`, `>=` or `=`.
        public var operation: String
        /// The version compared with.
        public var version: String
    }

    /// The comparisons; all must hold.
    public var comparisons: [Comparison]

    /// Parses `text`; `nil` when a part is not `OP VERSION`.
    public init?(_ text: String) {
        var comparisons: [Comparison] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let operation = ["<=", ">=", "<", ">", "=="].first(where: { trimmed.hasPrefix($0) })
                ?? (trimmed.hasPrefix("=") ? "=" : nil) else { return nil }
            let version = trimmed.dropFirst(operation.count).trimmingCharacters(in: .whitespaces)
            guard !version.isEmpty else { return nil }
            comparisons.append(Comparison(operation: operation == "==" ? "=" : operation, version: version))
        }
        guard !comparisons.isEmpty else { return nil }
        self.comparisons = comparisons
    }

    /// Whether `version` satisfies every comparison under `scheme`; `nil` when a version does not parse.
    public func contains(_ version: String, scheme: VersionScheme) -> Bool? {
        for comparison in comparisons {
            guard let order = scheme.compare(version, comparison.version) else { return nil }
            let holds: Bool
            switch comparison.operation {
            case "<": holds = order < 0
            case "<=": holds = order <= 0
            case ">": holds = order > 0
            case ">=": holds = order >= 0
            default: holds = order == 0
            }
            if !holds { return false }
        }
        return true
    }

    /// The range as written, normalized: `>= 1.0.0, < 1.2.0`.
    public var description: String {
        comparisons.map { "\($0.operation) \($0.version)" }.joined(separator: ", ")
    }
}
