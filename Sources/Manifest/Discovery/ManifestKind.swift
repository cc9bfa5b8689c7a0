/// The files depwatch reads as manifests, recognized by name.
public enum ManifestKind: String, Sendable, CaseIterable {
    /// A Go module's go.mod (its go.sum is read with it).
    case goMod = "go.mod"
    /// A Go workspace's go.work (its go.work.sum is read with it).
    case goWork = "go.work"
    /// SwiftPM's Package.resolved.
    case packageResolved = "Package.resolved"
    /// A built Go executable (ELF, Mach-O or PE), recognized by its magic number, not its name.
    case goBinary = "Go binary"

    /// The kind of a manifest file, by its name (a binary has no name of its own).
    public init?(fileName: String) {
        guard let kind = Self(rawValue: fileName), kind != .goBinary else { return nil }
        self = kind
    }
}
