/// A SemVer 2.0 version (`1.2.3`, `1.2.3-beta.1+build.5`), as Swift packages tag their releases.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major number, as written.
    public let major: String
    /// The minor number.
    public let minor: String
    /// The patch number.
    public let patch: String
    /// The pre-release identifiers (empty when there is none).
    public let prerelease: [String]
    /// The build metadata, ignored by comparison (`nil` when there is none).
    public let build: String?

    /// Parses `text` strictly (no `v` prefix, no leading zeros); `nil` when it is not SemVer 2.0.
    public init?(_ text: String) {
        let parts = scanning(text) { scanner -> (String, String, String, [String], String?)? in
            guard let major = scanner.number(), scanner.take("."), let minor = scanner.number(),
                  scanner.take("."), let patch = scanner.number(), let suffix = scanner.prereleaseAndBuild() else { return nil }
            return (major, minor, patch, suffix.prerelease, suffix.build)
        }
        guard let parts else { return nil }
        (major, minor, patch, prerelease, build) = parts
    }

    /// The version as written, build metadata included.
    public var description: String {
        let pre = prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: ".")
        return "\(major).\(minor).\(patch)\(pre)" + (build.map { "+" + $0 } ?? "")
    }

    /// Precedence equality (SemVer 2.0 section 11): build metadata is ignored.
    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// SemVer 2.0 precedence.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or +1 by SemVer 2.0 precedence.
    public static func compare(_ lhs: SemanticVersion, _ rhs: SemanticVersion) -> Int {
        for (a, b) in [(lhs.major, rhs.major), (lhs.minor, rhs.minor), (lhs.patch, rhs.patch)] {
            let c = compareNumeric(a, b)
            if c != 0 { return c }
        }
        return comparePrerelease(lhs.prerelease, rhs.prerelease)
    }
}
