/// The ecosystems depwatch reads, named as OSV names them; an advisory's ecosystem string maps to one
/// (`init(osvEcosystem:)`), and each says how its package names are keyed.
public enum Ecosystem: String, Sendable, Hashable, Codable, CaseIterable {
    /// Go modules (OSV `Go`).
    case go = "Go"
    /// Swift packages, named by repository URL (OSV `SwiftURL`, also spelled `purl-type:swift`).
    case swift = "SwiftURL"

    /// The ecosystem of an OSV ecosystem string (a `:suffix` is ignored); `nil` for ecosystems depwatch
    /// does not match.
    public init?(osvEcosystem: String) {
        let base = osvEcosystem.split(separator: ":", maxSplits: 1).first.map(String.init) ?? osvEcosystem
        switch base {
        case "Go": self = .go
        case "SwiftURL": self = .swift
        case "purl-type" where osvEcosystem.lowercased() == "purl-type:swift": self = .swift
        default: return nil
        }
    }

    /// The key an advisory's package name is indexed by: the module path for Go; for Swift the normalized
    /// location (`github.com/apple/swift-nio`) of a URL-like name, or the lower-cased identity of a bare one.
    public func key(forAdvisoryName name: String) -> String {
        switch self {
        case .go: return name
        case .swift:
            return name.contains("/") ? SwiftPackageLocation.normalize(name) : name.lowercased()
        }
    }

    /// The keys a pinned package is looked up by: its name, and for Swift also its identity, so that an
    /// advisory naming only `swift-nio-http2` meets `github.com/apple/swift-nio-http2`.
    public func lookupKeys(forPackage package: String) -> [String] {
        switch self {
        case .go: return [package]
        case .swift:
            let location = package.contains("/") ? SwiftPackageLocation.normalize(package) : package.lowercased()
            let identity = SwiftPackageLocation.identity(of: location)
            return identity == location ? [location] : [location, identity]
        }
    }
}
