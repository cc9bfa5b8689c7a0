import Core

/// The ecosystems depwatch matches, each with its OSV spellings, version order and package naming.
public enum EcosystemFamily: String, Sendable, Hashable, CaseIterable, Codable {
    /// Go modules (OSV `Go`).
    case go = "Go"
    /// Swift packages (OSV `SwiftURL` and `purl-type:swift`).
    case swift = "Swift"

    /// The family of an OSV ecosystem string (a `:suffix` is ignored); `nil` for ecosystems depwatch does not match.
    public init?(osvEcosystem: String) {
        let base = osvEcosystem.split(separator: ":", maxSplits: 1).first.map(String.init) ?? osvEcosystem
        switch base {
        case "Go": self = .go
        case "SwiftURL": self = .swift
        case "purl-type" where osvEcosystem.lowercased() == "purl-type:swift": self = .swift
        default: return nil
        }
    }

    /// The family of a manifest's ecosystem.
    public init(_ ecosystem: Ecosystem) {
        self = ecosystem == .go ? .go : .swift
    }

    /// How versions are ordered.
    public var scheme: VersionScheme { self == .go ? .go : .semver }

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
