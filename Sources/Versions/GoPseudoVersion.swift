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
        let segment = timestamp(time) + "-" + String(revision.prefix(12))
        guard let older else { return major + ".0.0-" + segment }
        let build = older.build.map { "+" + $0 } ?? ""
        if !older.prerelease.isEmpty { return older.canonical + ".0." + segment + build }
        return "v\(older.major).\(older.minor).\(incrementDecimal(older.patch))-0." + segment + build
    }

    /// `yyyymmddhhmmss` in UTC.
    static func timestamp(_ seconds: Int64) -> String {
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), so no calendar library is needed.
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)" + two(month) + two(day) + two(secondOfDay / 3600) + two(secondOfDay % 3600 / 60) + two(secondOfDay % 60)
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
