import Versions

/// Converts toolchain tags for queries about the `stdlib` and `toolchain` pseudo-modules.
enum GoToolchainVersionBridge {
    static func semver(_ tag: String) -> String? {
        GoToolchainVersion.semver(fromTag: tag)?.canonical
    }
}
