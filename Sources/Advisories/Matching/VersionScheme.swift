import Versions

/// How the versions of an ecosystem are ordered.
public enum VersionScheme: String, Sendable, Hashable {
    /// Go module versions (golang.org/x/mod/semver). OSV writes them without the `v`; both forms are read.
    case go
    /// SemVer 2.0, as Swift packages tag their releases.
    case semver

    /// A parsed version of either scheme, or OSV's `0` (before every version).
    public enum Parsed: Sendable, Comparable {
        case zero
        case go(GoVersion)
        case semver(SemanticVersion)

        /// Orders `0` first; versions of one scheme by that scheme (never mixed).
        public static func < (lhs: Parsed, rhs: Parsed) -> Bool {
            switch (lhs, rhs) {
            case (.zero, .zero): return false
            case (.zero, _): return true
            case (_, .zero): return false
            case let (.go(a), .go(b)): return a < b
            case let (.semver(a), .semver(b)): return a < b
            default: return false
            }
        }
    }

    /// Parses `text`; `nil` when it is not a version of this scheme. `0` is OSV's "before every version".
    public func parse(_ text: String) -> Parsed? {
        if text == "0" { return .zero }
        switch self {
        case .go:
            return (text.hasPrefix("v") ? GoVersion(text) : GoVersion("v" + text)).map(Parsed.go)
        case .semver:
            if let version = SemanticVersion(text) { return .semver(version) }
            return Self.swiftTag(text).map(Parsed.semver)
        }
    }

    /// SwiftPM reads tags leniently: a leading `v`, and `1.2` or `1` for `1.2.0` and `1.0.0`. GitHub's
    /// Swift advisories use such versions (`fixed: "1.20"`).
    static func swiftTag(_ text: String) -> SemanticVersion? {
        let body = text.hasPrefix("v") ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return body == text ? nil : SemanticVersion(body)
        }
        return SemanticVersion((parts + Array(repeating: "0", count: 3 - parts.count)).joined(separator: "."))
    }

    /// -1, 0 or +1 as `a` sorts before, equal to or after `b`; `nil` when either is not a version.
    public func compare(_ a: String, _ b: String) -> Int? {
        guard let x = parse(a), let y = parse(b) else { return nil }
        return x < y ? -1 : (y < x ? 1 : 0)
    }

    /// `text` written the way the scheme writes versions (`1.20` → `1.20.0` for SemVer, `1.2.3` → `v1.2.3`
    /// for Go); `nil` when it is not a version.
    public func normalized(_ text: String) -> String? {
        switch parse(text) {
        case .go(let version)?: return version.moduleCanonical
        case .semver(let version)?: return version.description
        default: return nil
        }
    }

    /// Whether `text` is a version of this scheme (or OSV's `0`).
    public func isValid(_ text: String) -> Bool {
        parse(text) != nil
    }
}
