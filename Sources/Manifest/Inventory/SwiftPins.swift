import Core

/// Turns Package.resolved pins into dependencies named by normalized location.
public enum SwiftPins {
    /// The inventory of a Package.resolved file. `directPackages`, when known (from Package.swift),
    /// holds the normalized locations the package itself declares.
    public static func inventory(_ file: PackageResolvedFile, path: String, directPackages: Set<String>? = nil) -> ManifestInventory {
        let dependencies = file.pins.map { pin in
            let package = pin.kind == .registry ? pin.identity : SwiftPackageLocation.normalize(pin.location)
            let direct = directPackages.map { $0.contains(package) || $0.contains(pin.identity) }
            let version = pin.kind == .localSourceControl ? nil : pin.state.version
            return Dependency(package: package, version: version, direct: direct, line: pin.line,
                              source: source(of: pin), revision: pin.state.revision, branch: pin.state.branch,
                              directory: pin.kind == .localSourceControl ? pin.location : nil)
        }
        return ManifestInventory(path: path, ecosystem: .swift, dependencies: dependencies)
    }

    private static func source(of pin: ResolvedPin) -> DependencySource {
        switch pin.kind {
        case .localSourceControl: return .local
        case .registry: return .registry
        case .remoteSourceControl:
            if pin.state.branch != nil { return .branch }
            return pin.state.version != nil ? .version : .revision
        }
    }
}
