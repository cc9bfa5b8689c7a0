import Core
import GoBinary

/// A Go binary as an inventory: the modules built into it after every replace (a replacement by a
/// directory is `local`, one by another module is that module at its version, the requirement kept in
/// `requested`), with the toolchain that built it as its `toolchain`, so that the standard library is
/// checked at the exact version that runs — no go directive to guess from.
enum BinaryInventory {
    /// The inventory of the binary at `path` (named `shown` in messages), or its problem. `named`: the
    /// user gave this path, so a file Go did not build is an error rather than skipped.
    static func load(_ path: String, shown: String, named: Bool) -> Result<ManifestInventory, Diagnostic>? {
        do {
            return .success(inventory(try GoBinary.read(path: path), path: path))
        } catch {
            switch error {
            case .notGo, .notExecutable:
                guard named else { return nil }
                return .failure(Diagnostic(.notGoBinary, path: shown, line: nil, column: nil,
                                           message: "an executable, but not one Go built (no Go build information in it)"))
            case .unreadable(_, let reason):
                return .failure(Diagnostic(.unreadable, path: shown, line: nil, column: nil, message: "cannot read the file: \(reason)"))
            case .malformed(_, let offset, let message):
                return .failure(Diagnostic(.malformedBinary, path: shown, line: nil, column: nil, message: "byte \(offset): \(message)"))
            }
        }
    }

    /// The inventory of a binary read.
    static func inventory(_ binary: GoBinary, path: String) -> ManifestInventory {
        let info = binary.buildInfo
        let build = BinaryBuild(format: binary.format, architectures: binary.architectures, goVersion: info.goVersion,
                                mainPackage: info.path, settings: info.settings)
        return ManifestInventory(path: path, ecosystem: .go, module: info.main?.module.path, toolchain: info.goVersion,
                                 dependencies: info.dependencies.map(dependency), binary: build)
    }

    private static func dependency(_ module: GoBuiltModule) -> Dependency {
        let requested = module.replacement.map { _ in RequestedVersion(package: module.module.path, version: module.module.version) }
        guard let replacement = module.replacement else {
            return Dependency(package: module.module.path, version: module.module.version, direct: nil, line: nil, source: .version)
        }
        if replacement.version.isEmpty || replacement.version == "(devel)" {
            return Dependency(package: module.module.path, version: nil, direct: nil, line: nil, source: .local, requested: requested,
                              directory: replacement.path)
        }
        return Dependency(package: replacement.path, version: replacement.version, direct: nil, line: nil, source: .version, requested: requested)
    }
}
