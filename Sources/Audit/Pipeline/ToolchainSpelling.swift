import Versions

/// The two spellings of a Go toolchain version: the tag a go.mod writes (`go1.21rc1`) and the semantic
/// version the vulnerability database writes (`v1.21.0-rc.1`).
enum ToolchainSpelling {
    /// `go1.21.5` → `v1.21.5`; `nil` for anything that is not a toolchain tag.
    static func semver(_ tag: String) -> String? {
        guard tag.hasPrefix("go") else { return nil }
        return GoToolchainVersion.semver(fromTag: tag)?.canonical
    }

    /// `v1.25.13` → `go1.25.13`, `v1.21.0-rc.1` → `go1.21rc1`, `v1.21.0` → `go1.21.0`.
    static func tag(_ semver: String) -> String? {
        guard let version = GoVersion(semver) else { return nil }
        var tag = "go\(version.major).\(version.minor)"
        if version.prerelease.count == 2, ["rc", "beta"].contains(version.prerelease[0]), version.patch == "0" {
            return tag + version.prerelease.joined()
        }
        tag += ".\(version.patch)"
        return tag
    }
}
