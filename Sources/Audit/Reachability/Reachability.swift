/// Whether the code a finding is about is in what was built: for a Go binary, from the packages and
/// symbols its pclntab holds; for a source module, from the packages `go list -deps` imports.
public struct Reachability: Sendable, Hashable {
    /// How much of the affected code is there.
    public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
        /// A symbol the advisory lists is in the binary.
        case symbol
        /// An affected package is there, but none of the listed symbols (or the advisory lists none).
        case package
        /// None of the affected packages is there, or the advisory's platforms are not the binary's.
        case absent
        /// The advisory names no packages, so nothing can be said.
        case unknown
    }

    /// The level.
    public var level: Level
    /// The listed symbols found, fully qualified (`golang.org/x/net/html.Parse`).
    public var symbols: [String]
    /// The affected packages found.
    public var packages: [String]
    /// Why, in a few words (`net/http.(*conn).serve is linked in`, `no affected package is imported`).
    public var reason: String

    /// Creates a reachability.
    public init(level: Level, symbols: [String] = [], packages: [String] = [], reason: String) {
        self.level = level
        self.symbols = symbols
        self.packages = packages
        self.reason = reason
    }

    /// Whether the finding counts toward failing under `--reachable-only` (everything but `absent`).
    public var counts: Bool { level != .absent }
}
