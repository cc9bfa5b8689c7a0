import Foundation

/// Swift package locations, reduced to the name depwatch matches on: lower-case `host/owner/name`,
/// without scheme, user, port or `.git` (`git@github.com:Apple/swift-nio.git` → `github.com/apple/swift-nio`).
public enum SwiftPackageLocation {
    /// The normalized name of a remote location; a local path is returned unchanged.
    public static func normalize(_ location: String) -> String {
        var s = location.trimmingSpaces()
        if isLocalPath(s) { return s }
        if let scheme = s.range(of: "://") {
            s = String(s[scheme.upperBound...])
        } else if let at = s.firstIndex(of: "@"), let colon = s.firstIndex(of: ":"), at < colon {
            // scp-like syntax: user@host:owner/name
            s = String(s[s.index(after: at)..<colon]) + "/" + String(s[s.index(after: colon)...])
        }
        if let slash = s.firstIndex(of: "/") {
            var host = String(s[..<slash])
            if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
            if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit) {
                host = String(host[..<colon])
            }
            s = host + s[slash...]
        }
        while s.hasSuffix("/") { s.removeLast() }
        if s.lowercased().hasSuffix(".git") { s.removeLast(4) }
        return s.lowercased()
    }

    /// SwiftPM's identity for a location: its last path component without `.git`, lower-cased.
    public static func identity(of location: String) -> String {
        var s = location.trimmingSpaces()
        while s.hasSuffix("/") { s.removeLast() }
        var last = String(s.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? Substring(s))
        if last.lowercased().hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }

    /// Whether the location is a path on disk rather than a URL.
    public static func isLocalPath(_ location: String) -> Bool {
        location.hasPrefix("/") || location.hasPrefix("./") || location.hasPrefix("../")
            || location.hasPrefix("~") || location.hasPrefix("file://")
    }
}
