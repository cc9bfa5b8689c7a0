import Advisories

/// Decides a finding's reachability from its advisory's `ecosystem_specific.imports` and what was built.
enum ReachabilityAnalysis {
    /// The reachability of the affected code of `imports` (every matching entry's) in `code`.
    static func reachability(of imports: [OSVImport], in code: BuiltCode) -> Reachability {
        guard !imports.isEmpty else { return Reachability(level: .unknown, reason: "the advisory names no packages") }
        let applicable = imports.filter { code.runs($0) }
        guard !applicable.isEmpty else {
            return Reachability(level: .absent, reason: "only on \(platforms(imports)), not \(code.goos ?? "?")/\(code.goarch ?? "?")")
        }
        var packages: [String] = [], symbols: [String] = []
        var anyWithoutSymbols = false
        for entry in applicable {
            guard let present = code.symbols[entry.path] else { continue }
            packages.append(entry.path)
            if entry.symbols.isEmpty { anyWithoutSymbols = true }
            symbols += entry.symbols.filter(present.contains).map { "\(entry.path).\($0)" }
        }
        if !symbols.isEmpty {
            return Reachability(level: .symbol, symbols: symbols, packages: packages, reason: "\(symbols.joined(separator: ", ")) linked in")
        }
        if !packages.isEmpty {
            let why = !code.hasSymbols ? "imports \(packages.joined(separator: ", "))"
                : anyWithoutSymbols ? "\(packages.joined(separator: ", ")) linked in (the advisory lists no symbols)"
                : "\(packages.joined(separator: ", ")) linked in, none of the listed symbols" + (code.complete ? "" : " (inlined calls not read)")
            return Reachability(level: .package, packages: packages, reason: why)
        }
        return Reachability(level: .absent, reason: "no affected package (\(applicable.map(\.path).joined(separator: ", "))) is \(code.hasSymbols ? "linked in" : "imported")")
    }

    private static func platforms(_ imports: [OSVImport]) -> String {
        let systems = Set(imports.flatMap(\.goos)).sorted(), architectures = Set(imports.flatMap(\.goarch)).sorted()
        return [systems.joined(separator: "/"), architectures.joined(separator: "/")].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension BuiltCode {
    /// Whether an import's platform limits include this code's platform (unknown platforms are assumed to match).
    func runs(_ entry: OSVImport) -> Bool {
        let systemMatches = entry.goos.isEmpty || goos.map(entry.goos.contains) ?? true
        let architectureMatches = entry.goarch.isEmpty || goarch.map(entry.goarch.contains) ?? true
        return systemMatches && architectureMatches
    }
}
