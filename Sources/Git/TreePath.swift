/// The paths of a tree that git itself refuses to check out (`verify_path`): read from an untrusted
/// repository, such a path must never become a file name, or a tree with an entry named `..` could write
/// outside the folder it is read into.
public enum TreePath {
    /// Why `path` is unsafe, or `nil` when it is a plain relative path: an empty, `.` or `..` component,
    /// an absolute path, a `.git` component in any letter case, a NUL or a backslash (a separator on Windows).
    public static func problem(_ path: String) -> String? {
        if path.utf8.contains(0) { return "it contains a NUL byte" }
        if path.hasPrefix("/") { return "it is absolute" }
        if path.contains("\\") { return "it contains a backslash" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": return "it has an empty component"
            case ".", "..": return "it has a \"\(component)\" component"
            default: if component.lowercased() == ".git" { return "it has a \".git\" component" }
            }
        }
        return nil
    }
}
