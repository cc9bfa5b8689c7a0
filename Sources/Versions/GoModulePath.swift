/// The major-version suffix rules of Go module paths (golang.org/x/mod/module `SplitPathVersion`,
/// `CheckPathMajor`).
public enum GoModulePath {
    /// Splits `path` into its prefix and major-version suffix (`/v2`, or `.v2` for gopkg.in).
    /// Returns `nil` when the suffix is malformed (`/v1`, `/v0`, `/v02`, a gopkg.in path without `.vN`).
    public static func splitMajor(_ path: String) -> (prefix: String, major: String)? {
        if path.hasPrefix("gopkg.in/") { return splitGopkgIn(path) }
        let bytes = Array(path.utf8)
        var i = bytes.count
        var sawDot = false
        while i > 0, bytes[i - 1].isDigit || bytes[i - 1] == UInt8(ascii: ".") {
            if bytes[i - 1] == UInt8(ascii: ".") { sawDot = true }
            i -= 1
        }
        if i <= 1 || i == bytes.count || bytes[i - 1] != UInt8(ascii: "v") || bytes[i - 2] != UInt8(ascii: "/") {
            return (path, "")
        }
        let major = String(decoding: bytes[(i - 2)...], as: UTF8.self)
        if sawDot || major.utf8.count <= 2 || bytes[i] == UInt8(ascii: "0") || major == "/v1" {
            return nil
        }
        return (String(decoding: bytes[..<(i - 2)], as: UTF8.self), major)
    }

    private static func splitGopkgIn(_ path: String) -> (prefix: String, major: String)? {
        var bytes = Array(path.utf8)
        if path.hasSuffix("-unstable") { bytes.removeLast("-unstable".utf8.count) }
        var i = bytes.count
        while i > 0, bytes[i - 1].isDigit { i -= 1 }
        if i <= 1 || bytes[i - 1] != UInt8(ascii: "v") || bytes[i - 2] != UInt8(ascii: ".") { return nil }
        let major = String(decoding: Array(path.utf8)[(i - 2)...], as: UTF8.self)
        let digits = major.dropFirst(2)
        if digits.isEmpty || (digits.hasPrefix("0") && !major.hasPrefix(".v0")) { return nil }
        return (String(decoding: bytes[..<(i - 2)], as: UTF8.self), major)
    }

    /// Checks that `version` may be used with a module path whose major suffix is `major` (as returned
    /// by `splitMajor`). Returns the reason when it may not, in Go's words (`should be v2, not v1`).
    public static func checkMajor(_ version: GoVersion, pathMajor: String) -> String? {
        var pathMajor = pathMajor
        if pathMajor.hasPrefix(".v"), pathMajor.hasSuffix("-unstable") {
            pathMajor.removeLast("-unstable".count)
        }
        // A canonical `v0.0.0-…` (a pseudo-version on no tag), decided without building the canonical text:
        // this runs for every requirement of every go.mod.
        let isUntaggedPseudo = version.major == "0" && version.minor == "0" && version.patch == "0" && !version.prerelease.isEmpty
        if isUntaggedPseudo, pathMajor == ".v1" { return nil }
        let expected: String
        if pathMajor.isEmpty {
            if version.major == "0" || version.major == "1" || version.isIncompatible { return nil }
            expected = "v0 or v1"
        } else {
            if pathMajor.utf8.dropFirst().elementsEqual(version.majorPrefix.utf8) { return nil }
            expected = String(pathMajor.dropFirst())
        }
        return "should be \(expected), not \(version.majorPrefix)"
    }
}
