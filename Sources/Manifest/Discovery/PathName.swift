/// Lexical path operations that keep a path as the user wrote it (relative stays relative).
public enum PathName {
    /// The shortest equivalent path, as Go's `filepath.Clean`: `a/./b/../c/` → `a/c`, `` → `.`.
    public static func clean(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if rooted { continue }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `base/name`, cleaned; `name` is returned cleaned when absolute.
    public static func join(_ base: String, _ name: String) -> String {
        name.hasPrefix("/") ? clean(name) : clean(base + "/" + name)
    }

    /// The directory part (`a/b/go.mod` → `a/b`, `go.mod` → `.`).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component.
    public static func base(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
