import Versions

/// Validates `--go-version`.
enum GoToolchainVersionCheck {
    static func isValid(_ value: String) -> Bool {
        GoToolchainVersion.semver(fromDirective: value) != nil
    }
}
