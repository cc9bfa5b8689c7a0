/// How a Swift package pin was obtained.
public enum PinKind: String, Sendable, Hashable, Codable {
    /// A git repository at a URL.
    case remoteSourceControl
    /// A git repository on the local disk.
    case localSourceControl
    /// A package registry (`scope.name` identities).
    case registry
}

/// What a pin is pinned to: a version, a branch (at a revision), or a bare revision.
public struct PinState: Sendable, Hashable {
    /// The version, for a version pin.
    public var version: String?
    /// The branch, for a branch pin.
    public var branch: String?
    /// The commit id (absent for registry pins).
    public var revision: String?
}

/// One pin of a Package.resolved file.
public struct ResolvedPin: Sendable, Hashable {
    /// The package identity (v2/v3 `identity`; for v1, derived from the URL as SwiftPM does).
    public var identity: String
    /// The v1 `package` name, when the file gives one.
    public var name: String?
    /// The pin's kind.
    public var kind: PinKind
    /// The location as written (`repositoryURL` in v1).
    public var location: String
    /// What it is pinned to.
    public var state: PinState
    /// The 1-based line where the pin's object starts.
    public var line: Int
}

/// A parsed Package.resolved file, in any of its three formats.
public struct PackageResolvedFile: Sendable {
    /// The format version: 1, 2 or 3.
    public var formatVersion: Int
    /// The v3 `originHash`, when present.
    public var originHash: String?
    /// The pins, in file order.
    public var pins: [ResolvedPin]
}
