import Audit
import Manifest

/// The commands that perform an upgrade: `go get module@version` for Go; for Swift, the requirement
/// to raise in Package.swift and `swift package update NAME`; for a Go binary, what to change in the
/// module it was built from before building it again.
enum UpgradeCommands {
    private static func rebuild(_ upgrade: Upgrade, to: String, module: String) -> String {
        let source = module.isEmpty ? "the module it was built from" : module
        if upgrade.package == "stdlib" || upgrade.package == "toolchain" { return "rebuild with Go \(to.hasPrefix("go") ? String(to.dropFirst(2)) : to) or later" }
        return "in \(source): go get \(upgrade.package)@\(to), then rebuild the binary"
    }

    static func lines(for upgrade: Upgrade) -> [String] {
        guard let to = upgrade.to else { return [] }
        if let module = upgrade.builtFrom { return [rebuild(upgrade, to: to, module: module)] }
        let directory = PathName.directory(of: upgrade.manifest)
        let prefix = directory == "." ? "" : "cd \(directory) && "
        if upgrade.ecosystem == .go {
            // The standard library comes with the toolchain: raise the toolchain directive.
            let module = upgrade.package == "stdlib" ? "toolchain" : upgrade.package
            return ["\(prefix)go get \(module)@\(to)"]
        }
        let identity = upgrade.package.split(separator: "/").last.map(String.init) ?? upgrade.package
        let requirement = ".package(url: \"https://\(upgrade.package)\", from: \"\(to)\")"
        if upgrade.direct == true {
            return ["in Package.swift: \(requirement)", "\(prefix)swift package update \(identity)"]
        }
        return ["\(prefix)swift package update \(identity)   # transitive: the package that requires it must allow \(to), "
                + "or add \(requirement)"]
    }
}
