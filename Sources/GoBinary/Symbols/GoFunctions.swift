/// The functions compiled into a Go binary, read from its pclntab (which every Go binary keeps, stripped
/// or not: the runtime needs it for stack traces): each function of the function table, and each
/// function inlined into another (the inline trees), which has no entry of its own.
public struct GoFunctions: Sendable, Hashable {
    /// The names of the function table: every function with code of its own.
    public var compiled: Set<String>
    /// The names of inlined calls (some are compiled elsewhere too).
    public var inlined: Set<String>
    /// Whether the inline trees were read (they are not in the Go 1.2–1.15 form, and not when a 1.18+
    /// binary's module data cannot be found): when `false`, a function missing from `all` may still have
    /// been inlined.
    public var inlineTreesRead: Bool

    /// Every function whose code is in the binary.
    public var all: Set<String> { compiled.union(inlined) }

    /// Creates the set.
    public init(compiled: Set<String>, inlined: Set<String>, inlineTreesRead: Bool) {
        self.compiled = compiled
        self.inlined = inlined
        self.inlineTreesRead = inlineTreesRead
    }
}
