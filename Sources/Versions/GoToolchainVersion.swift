/// Go toolchain tags (`go1.21.5`, `go1.21rc1`) as the semantic versions the Go vulnerability database
/// uses for the `stdlib` and `toolchain` pseudo-modules (golang.org/x/vuln's tag conversion).
public enum GoToolchainVersion {
    /// The semantic version of a toolchain tag: `go1.21.5` → `v1.21.5`, `go1.21` → `v1.21.0`,
    /// `go1.21rc1` → `v1.21.0-rc.1`, `go1.9.2rc2` → `v1.9.2-rc.2`, `go1` → `v1.0.0`. A custom suffix
    /// (`go1.21.5-bigcorp`) is dropped. Returns `nil` for anything else (including `go1.0`, `default`).
    public static func semver(fromTag tag: String) -> GoVersion? {
        var text = Substring(tag.split(separator: " ").first ?? "")
        if text == "go1" { return GoVersion("v1.0.0") }
        guard text.hasPrefix("go"), text != "go1.0" else { return nil }
        text = text.dropFirst(2)
        return scanning(String(text)) { scanner in
            guard let major = scanner.number(), scanner.take("."), let minor = scanner.number() else { return nil }
            var patch = "0"
            if scanner.take("."), let p = scanner.number() { patch = p }
            var prerelease = ""
            for kind in ["beta", "rc", "-pre"] where scanner.take(word: kind) {
                guard let n = scanner.number() else { return nil }
                prerelease = "-" + kind.filter { $0 != "-" } + "." + n
                break
            }
            if !scanner.isAtEnd, !scanner.take("-") { return nil }
            return GoVersion("v\(major).\(minor).\(patch)\(prerelease)")
        }
    }

    /// The version a Go `go` or `toolchain` directive value stands for: `go1.21.5` or `1.21.5` alike.
    public static func semver(fromDirective value: String) -> GoVersion? {
        semver(fromTag: value.hasPrefix("go") ? value : "go" + value)
    }
}
