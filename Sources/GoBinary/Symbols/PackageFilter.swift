/// Which functions to keep when only some packages matter (an audit asks about the packages its
/// advisories name): a name is kept when its package is one of them, decided on the name's bytes — a
/// prefix test first (the package as the linker writes it, `%2e` for a dot in its last element, then
/// `.`), then the exact package boundary for the few names that pass.
public struct PackageFilter: Sendable {
    private let prefixes: [[UInt8]]

    /// A filter keeping the functions of `packages`.
    public init(packages: Set<String>) {
        prefixes = packages.sorted().map { Array(Self.linkerSpelling($0).utf8) + [UInt8(ascii: ".")] }
    }

    /// `gopkg.in/yaml.v2` → `gopkg.in/yaml%2ev2`: the last path element's dots escaped.
    static func linkerSpelling(_ package: String) -> String {
        guard let slash = package.lastIndex(of: "/") else { return package }
        let last = package[package.index(after: slash)...]
        return package[...slash] + last.replacingOccurrences(of: ".", with: "%2e")
    }

    /// Whether the function named `name` belongs to one of the packages.
    func keeps(_ name: UnsafeRawBufferPointer) -> Bool {
        for prefix in prefixes where name.count > prefix.count && name.starts(with: prefix) {
            // The package ends at the first `.` after the last `/` before any `[`: past the prefix there
            // must be no `/` before a `[` (else the name is of a longer package path).
            let rest = name[prefix.count...]
            let bracket = rest.firstIndex(of: UInt8(ascii: "[")) ?? rest.endIndex
            if !rest[..<bracket].contains(UInt8(ascii: "/")) { return true }
        }
        return false
    }
}
