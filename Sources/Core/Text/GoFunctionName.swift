import Foundation

/// What a Go function name (as profiles and binaries write it) says about where the function lives:
/// its package, its symbol within the package (as the Go vulnerability database names symbols), whether
/// it is the standard library.
public enum GoFunctionName {
    /// The package path of `function`: its name up to the first `.` after the last `/`, with bracketed
    /// type arguments (`[...]`, `[go.shape.int]`) set aside first and the last element's `%2e` read as
    /// `.` (`gopkg.in/yaml%2ev2.Unmarshal` → `gopkg.in/yaml.v2`). `nil` for an address (`0x4a1b2c`).
    public static func package(of function: String) -> String? {
        guard let dot = packageEnd(of: function) else { return nil }
        let path = String(function[..<dot])
        return path.utf8.contains(UInt8(ascii: "%")) ? path.replacingOccurrences(of: "%2e", with: ".").replacingOccurrences(of: "%2E", with: ".") : path
    }

    /// The `.` that ends the package path of `function`, or `nil` for an address or a name without one.
    private static func packageEnd(of function: String) -> String.Index? {
        if function.hasPrefix("0x") { return nil }
        // Byte by byte (a large profile names a hundred thousand functions): the `[` that starts type
        // arguments, the last `/` before it, the first `.` after that.
        let utf8 = function.utf8
        let plainEnd = utf8.firstIndex(of: UInt8(ascii: "[")) ?? utf8.endIndex
        let plain = utf8[..<plainEnd]
        let tailStart = plain.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return utf8[tailStart..<plainEnd].firstIndex(of: UInt8(ascii: "."))
    }

    /// `function` with each generic instantiation's type arguments written `[...]`, as the runtime prints
    /// them in stacks and the text profile (profile.proto names the shapes: `Ring[go.shape.string]`), so
    /// that both forms of a profile name a function the same. Unchanged (not copied) without brackets.
    public static func normalized(_ function: String) -> String {
        guard function.utf8.contains(UInt8(ascii: "[")) else { return function }
        var out = "", depth = 0
        for character in function {
            switch character {
            case "[":
                if depth == 0 { out += "[...]" }
                depth += 1
            case "]": depth = max(0, depth - 1)
            default: if depth == 0 { out.append(character) }
            }
        }
        return out
    }

    /// The symbol `function` is part of, as the Go vulnerability database names symbols: the name after
    /// its package with type arguments dropped, a pointer receiver written as its type
    /// (`pkg.(*Reader).Read` → `Reader.Read`), and closures, go/defer wrappers and method values counted
    /// as the function they are in (`Parse.func1.2`, `Serve.gowrap1`, `Reader.Read-fm` → `Parse`,
    /// `Serve`, `Reader.Read`). `nil` when `function` has no package.
    public static func symbol(of function: String) -> (package: String, symbol: String)? {
        guard let dot = packageEnd(of: function), let package = package(of: function) else { return nil }
        let rest = function[function.index(after: dot)...]
        var plain = ""
        var depth = 0
        for character in rest {
            switch character {
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            case "(", ")", "*" where depth == 0: continue
            default: if depth == 0 { plain.append(character) }
            }
        }
        if plain.hasSuffix("-fm") { plain.removeLast(3) }
        var parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        while parts.count > 1, let last = parts.last, isGenerated(last) { parts.removeLast() }
        return (package, parts.joined(separator: "."))
    }

    /// A name the compiler makes for code inside a function: `func1`, `gowrap2`, `deferwrap1`, `3`.
    private static func isGenerated(_ part: Substring) -> Bool {
        for prefix in ["func", "gowrap", "deferwrap"] where part.hasPrefix(prefix) {
            let digits = part.dropFirst(prefix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return true }
        }
        return !part.isEmpty && part.allSatisfy(\.isNumber)
    }

    /// Whether `package` belongs to the standard library: its first path element has no dot (`runtime`,
    /// `container/list`, `internal/…`), except `main`.
    public static func isStandardLibrary(_ package: String) -> Bool {
        let first = package.split(separator: "/", maxSplits: 1).first ?? Substring(package)
        return !first.contains(".") && package != "main"
    }
}
