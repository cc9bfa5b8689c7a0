/// Go pseudo-versions (golang.org/x/mod/module `IsPseudoVersion`): a version that names a commit,
/// in one of three forms — `vX.0.0-yyyymmddhhmmss-abcdefabcdef` (no earlier tag),
/// `vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef` (after pre-release `vX.Y.Z-pre`), and
/// `vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef` (after release `vX.Y.Z`).
public struct GoPseudoVersion: Sendable, Hashable {
    /// The whole version.
    public let version: GoVersion
    /// The commit time, `yyyymmddhhmmss` in UTC.
    public let timestamp: String
    /// The abbreviated commit id (12 hexadecimal digits when the go command made it).
    public let revision: String

    /// Recognizes `text` as a pseudo-version; `nil` for a release or an ordinary pre-release.
    public init?(_ text: String) {
        guard let version = GoVersion(text), !version.isShorthand, version.prerelease.count >= 1 else { return nil }
        // The last pre-release identifier holds `yyyymmddhhmmss-revision`; it may be preceded by `0`.
        let identifiers = version.prerelease
        guard let last = identifiers.last else { return nil }
        let parts = last.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 14, parts[0].allSatisfy(\.isASCIINumber),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCIILetter || $0.isASCIINumber }) else { return nil }
        let earlier = identifiers.dropLast()
        if earlier.isEmpty {
            guard version.minor == "0", version.patch == "0" else { return nil }
        } else if earlier.last != "0" {
            return nil
        }
        self.version = version
        timestamp = String(parts[0])
        revision = String(parts[1])
    }
}

extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}

extension GoPseudoVersion {
    /// The pseudo-version the go command gives a commit (golang.org/x/mod/module `PseudoVersion`):
    /// `older` is the highest semantic-version tag among the commit's ancestors (`nil` when there is
    /// none), `time` the commit time in seconds since 1970 (UTC), `revision` the full or abbreviated id.
    /// `major` (`v2`, …) is used only without an older tag.
    public static func make(major: String = "v0", after older: GoVersion?, time: Int64, revision: String) -> String {
        let segment = UTCTime.digits(time) + "-" + String(revision.prefix(12))
        guard let older else { return major + ".0.0-" + segment }
        let build = older.build.map { "+" + $0 } ?? ""
        if !older.prerelease.isEmpty { return older.canonical + ".0." + segment + build }
        return "v\(older.major).\(older.minor).\(incrementDecimal(older.patch))-0." + segment + build
    }

    /// A decimal digit string plus one (x/mod's `incDecimal`), for numbers of any length.
    static func incrementDecimal(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        var index = bytes.count - 1
        while index >= 0, bytes[index] == UInt8(ascii: "9") {
            bytes[index] = UInt8(ascii: "0")
            index -= 1
        }
        if index < 0 { return "1" + String(decoding: bytes, as: UTF8.self) }
        bytes[index] += 1
        return String(decoding: bytes, as: UTF8.self)
    }
}
