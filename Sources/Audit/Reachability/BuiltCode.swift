import Core
import GoBinary

/// What was built, as reachability needs it: the packages present and, for a binary, the symbols of
/// each (as the Go vulnerability database spells them), and the platform.
public struct BuiltCode: Sendable {
    /// Package path → the symbols present in it (empty when only packages are known).
    public var symbols: [String: Set<String>]
    /// Whether symbols are known (a binary), or only packages (`go list`).
    public var hasSymbols: Bool
    /// GOOS and GOARCH, when known.
    public var goos: String?, goarch: String?
    /// When `false`, inlined functions could not be read, so a symbol missing may still be there.
    public var complete: Bool

    /// The code of a binary's functions.
    public init(functions: GoFunctions, goos: String?, goarch: String?) {
        var symbols: [String: Set<String>] = [:]
        for function in functions.all {
            guard let (package, symbol) = GoFunctionName.symbol(of: function) else { continue }
            symbols[package, default: []].insert(symbol)
        }
        self.symbols = symbols
        hasSymbols = true
        self.goos = goos
        self.goarch = goarch
        complete = functions.inlineTreesRead
    }

    /// The code of a source module: the packages it imports.
    public init(packages: Set<String>, goos: String? = nil, goarch: String? = nil) {
        symbols = Dictionary(uniqueKeysWithValues: packages.map { ($0, Set<String>()) })
        hasSymbols = false
        self.goos = goos
        self.goarch = goarch
        complete = true
    }

    /// The code of the binary at `path` in `packages` (all of it when `nil`), or `nil` when its functions
    /// cannot be read.
    public static func binary(at path: String, packages: Set<String>? = nil) -> BuiltCode? {
        guard let binary = try? GoBinary.read(path: path),
              let functions = try? binary.functions(filter: packages.map(PackageFilter.init(packages:))) else { return nil }
        let info = binary.buildInfo
        return BuiltCode(functions: functions, goos: info.setting("GOOS"), goarch: info.setting("GOARCH") ?? binary.architectures.first)
    }
}
