import Core

extension Ecosystem {
    /// How versions are ordered.
    public var scheme: VersionScheme { self == .go ? .go : .semver }

    /// The value of the store's `affected_package.family` column (`Go`, `Swift`), kept as the first schema
    /// wrote it so existing databases need no migration.
    var storedFamily: String { self == .go ? "Go" : "Swift" }
}
