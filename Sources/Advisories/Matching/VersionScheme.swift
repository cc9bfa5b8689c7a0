import Versions

/// How the versions of an ecosystem are ordered.
public enum VersionScheme: String, Sendable, Hashable {
    /// Go module versions (golang.org/x/mod/semver). OSV writes them without the `v`; both forms are read.
    case go
    /// SemVer 2.0, as Swift packages tag their releases.
    case semver

    /// -1, 0 or +1 as `a` sorts before, equal to or after `b`; `nil` when either is not a version of
    /// this scheme. `0` (OSV's "before every version") sorts first.
    public func compare(_ a: String, _ b: String) -> Int? {
        if a == "0" || b == "0" { return a == b ? 0 : (a == "0" ? -1 : 1) }
        switch self {
        case .go:
            guard let x = Self.goVersion(a), let y = Self.goVersion(b) else { return nil }
            return GoVersion.compare(x, y)
        case .semver:
            guard let x = SemanticVersion(a), let y = SemanticVersion(b) else { return nil }
            return SemanticVersion.compare(x, y)
        }
    }

    /// Whether `text` is a version of this scheme (or OSV's `0`).
    public func isValid(_ text: String) -> Bool {
        text == "0" || compare(text, text) != nil
    }

    /// A Go version from OSV's form (`1.2.3`) or Go's (`v1.2.3`).
    static func goVersion(_ text: String) -> GoVersion? {
        text.hasPrefix("v") ? GoVersion(text) : GoVersion("v" + text)
    }
}
