/// The URL an OSV `GIT` range names as its `repo` (OSV wants a URL a reader can fetch, not a path on the
/// machine that bisected): `--repo-url` when given, else the clone's `origin` when it is a URL, else one
/// derived from the module path for the hosts whose paths map to repositories, else the clone's path as
/// a file URL, with a warning.
enum RepositoryURL {
    /// The URL, and a warning when only a local path was known.
    static func resolve(explicit: String?, origin: String?, module: String?, clonePath: String) -> (url: String, warning: String?) {
        if let explicit, !explicit.isEmpty { return (explicit, nil) }
        if let origin, let url = asURL(origin) { return (url, nil) }
        if let module, let url = fromModulePath(module) { return (url, nil) }
        let file = "file://" + clonePath
        return (file, "the repository's only known location is the local path \(clonePath) (origin: \(origin ?? "none")); "
                    + "the recorded advisory names \(file) — pass --repo-url with its public URL")
    }

    /// `origin` as a URL: `https://…` and other schemes but `file`; `git@host:owner/name(.git)` as `https://host/owner/name`.
    static func asURL(_ origin: String) -> String? {
        if let scheme = origin.range(of: "://") {
            let name = origin[..<scheme.lowerBound].lowercased()
            return name == "file" || name.isEmpty ? nil : origin
        }
        // scp-like syntax: user@host:path (not a local path with a colon: that has a slash before it).
        guard let at = origin.firstIndex(of: "@"), let colon = origin[at...].firstIndex(of: ":"),
              !origin[..<colon].contains("/") else { return nil }
        var path = String(origin[origin.index(after: colon)...])
        if path.hasSuffix(".git") { path.removeLast(4) }
        return "https://\(origin[origin.index(after: at)..<colon])/\(path)"
    }

    /// `github.com/o/r/…`, `gitlab.com/o/r/…`, `bitbucket.org/o/r/…` → `https://host/o/r`;
    /// `golang.org/x/name` → `https://go.googlesource.com/name`; others `nil`.
    static func fromModulePath(_ module: String) -> String? {
        let parts = module.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        switch parts[0] {
        case "github.com", "gitlab.com", "bitbucket.org": return "https://\(parts[0])/\(parts[1])/\(parts[2])"
        case "golang.org" where parts[1] == "x": return "https://go.googlesource.com/\(parts[2])"
        default: return nil
        }
    }
}
