/// The files depwatch reads as manifests, recognized by name.
public enum ManifestKind: String, Sendable, CaseIterable {
    /// A Go module's go.mod (its go.sum is read with it).
    case goMod = "go.mod"
    /// A Go workspace's go.work (its go.work.sum is read with it).
    case goWork = "go.work"
    /// SwiftPM's Package.resolved.
    case packageResolved = "Package.resolved"

    /// The kind of a file, by its name.
    public init?(fileName: String) {
        self.init(rawValue: fileName)
    }
}
