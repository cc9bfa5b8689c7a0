/// A Go module version, parsed exactly as golang.org/x/mod/semver parses one.
///
/// Go versions carry a leading `v`, allow the shorthands `v1` and `v1.2` (read as `v1.0.0` and
/// `v1.2.0`), and ignore build metadata when comparing. Pseudo-versions are ordinary pre-releases here.
public struct GoVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major number, as written (decimal digits, no leading zero).
    public let major: String
    /// The minor number (`"0"` when the version was the shorthand `vMAJOR`).
    public let minor: String
    /// The patch number (`"0"` when the version was a shorthand).
    public let patch: String
    /// The pre-release identifiers, without the leading `-` (empty when there is none).
    public let prerelease: [String]
    /// The build metadata, without the leading `+` (`nil` when there is none).
    public let build: String?
    /// Whether the text was a shorthand (`v1` or `v1.2`), which may not carry a pre-release or build.
    public let isShorthand: Bool
    /// Major, minor and patch as integers, or `nil` when one does not fit (versions are compared on the
    /// hottest paths of matching and planning; digit strings compared through String each time).
    private let numbers: NumericTriple?

    /// Parses `text`; returns `nil` when it is not a valid Go semantic version.
    public init?(_ text: String) {
        guard let parsed = scanning(text, { Self.parse(&$0) }) else { return nil }
        self = parsed
    }

    /// Whether UTF-8 bytes in a buffer (a field of a larger text) are a valid Go semantic version,
    /// decided without building one.
    public static func isValid(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = VersionScanner(utf8)
        return isValid(&scanner)
    }

    private static func isValid<Bytes>(_ scanner: inout VersionScanner<Bytes>) -> Bool {
        guard scanner.take("v"), scanner.skipNumber() else { return false }
        if scanner.isAtEnd { return true }
        guard scanner.take("."), scanner.skipNumber() else { return false }
        if scanner.isAtEnd { return true }
        guard scanner.take("."), scanner.skipNumber() else { return false }
        return scanner.skipPrereleaseAndBuild()
    }

    /// Parses UTF-8 bytes in a buffer (a field of a larger text, without copying it into a String first).
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        var scanner = VersionScanner(utf8)
        guard let parsed = Self.parse(&scanner) else { return nil }
        self = parsed
    }

    private static func parse<Bytes>(_ scanner: inout VersionScanner<Bytes>) -> GoVersion? {
        guard scanner.take("v"), let major = scanner.number() else { return nil }
        if scanner.isAtEnd {
            return GoVersion(major: major, minor: "0", patch: "0", prerelease: [], build: nil, isShorthand: true)
        }
        guard scanner.take("."), let minor = scanner.number() else { return nil }
        if scanner.isAtEnd {
            return GoVersion(major: major, minor: minor, patch: "0", prerelease: [], build: nil, isShorthand: true)
        }
        guard scanner.take("."), let patch = scanner.number(), let suffix = scanner.prereleaseAndBuild() else { return nil }
        return GoVersion(major: major, minor: minor, patch: patch, prerelease: suffix.prerelease, build: suffix.build, isShorthand: false)
    }

    private init(major: String, minor: String, patch: String, prerelease: [String], build: String?, isShorthand: Bool) {
        (self.major, self.minor, self.patch) = (major, minor, patch)
        (self.prerelease, self.build, self.isShorthand) = (prerelease, build, isShorthand)
        numbers = NumericTriple(major: major, minor: minor, patch: patch)
    }

    /// The canonical form `vMAJOR.MINOR.PATCH[-PRERELEASE]`, build metadata dropped (x/mod/semver `Canonical`).
    public var canonical: String {
        let pre = prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: ".")
        return "v\(major).\(minor).\(patch)\(pre)"
    }

    /// The form Go writes into go.mod (x/mod/module `CanonicalVersion`): canonical, keeping `+incompatible`.
    public var moduleCanonical: String {
        build == "incompatible" ? canonical + "+incompatible" : canonical
    }

    /// `vMAJOR`, as x/mod/semver `Major` returns it.
    public var majorPrefix: String { "v" + major }

    /// Whether the version carries the `+incompatible` build suffix.
    public var isIncompatible: Bool { build == "incompatible" }

    /// The canonical text.
    public var description: String { canonical }

    /// Equality ignores build metadata, as semver.Compare does.
    public static func == (lhs: GoVersion, rhs: GoVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }

    /// Orders as x/mod/semver `Compare`.
    public static func < (lhs: GoVersion, rhs: GoVersion) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or +1 as `lhs` is less than, equal to or greater than `rhs`.
    public static func compare(_ lhs: GoVersion, _ rhs: GoVersion) -> Int {
        if let a = lhs.numbers, let b = rhs.numbers {
            if a != b { return a < b ? -1 : 1 }
        } else {
            for (a, b) in [(lhs.major, rhs.major), (lhs.minor, rhs.minor), (lhs.patch, rhs.patch)] {
                let c = compareNumeric(a, b)
                if c != 0 { return c }
            }
        }
        if lhs.prerelease.isEmpty && rhs.prerelease.isEmpty { return 0 }
        return comparePrerelease(lhs.prerelease, rhs.prerelease)
    }

    /// Compares two version strings as semver.Compare does: an invalid version sorts below every valid
    /// one, and all invalid versions are equal to each other.
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        compare(GoVersion(lhs), GoVersion(rhs))
    }

    /// `compare(_:_:)` on versions already parsed, `nil` standing for an invalid one (for callers that
    /// compare one version many times).
    public static func compare(_ lhs: GoVersion?, _ rhs: GoVersion?) -> Int {
        switch (lhs, rhs) {
        case let (a?, b?): return compare(a, b)
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        }
    }
}

/// Major, minor and patch numbers that fit in integers, ordered as a version's core is.
struct NumericTriple: Sendable, Comparable {
    var major: Int
    var minor: Int
    var patch: Int

    /// The numbers of three digit strings, or `nil` when one is too large for an `Int`.
    init?(major: String, minor: String, patch: String) {
        guard let major = Int(major), let minor = Int(minor), let patch = Int(patch) else { return nil }
        (self.major, self.minor, self.patch) = (major, minor, patch)
    }

    static func < (a: Self, b: Self) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }
}

/// Compares two decimal digit strings without leading zeros by numeric value.
func compareNumeric(_ a: String, _ b: String) -> Int {
    if a.utf8.count != b.utf8.count { return a.utf8.count < b.utf8.count ? -1 : 1 }
    return a == b ? 0 : (a < b ? -1 : 1)
}

/// Compares pre-release identifier lists as SemVer 2.0 section 11 says: a version without a
/// pre-release is greater; numeric identifiers compare numerically and sort below alphanumeric ones.
func comparePrerelease(_ a: [String], _ b: [String]) -> Int {
    if a.isEmpty || b.isEmpty {
        return a.isEmpty == b.isEmpty ? 0 : (a.isEmpty ? 1 : -1)
    }
    for (x, y) in zip(a, b) where x != y {
        switch (x.isNumericIdentifier, y.isNumericIdentifier) {
        case (true, true): return compareNumeric(x, y)
        case (true, false): return -1
        case (false, true): return 1
        case (false, false): return x < y ? -1 : 1
        }
    }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}

extension String {
    /// Whether the string is a non-empty run of ASCII digits.
    var isNumericIdentifier: Bool {
        !isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
