/// A problem found in a manifest, at a place in it: an error that stops the manifest from being
/// used, or a warning that does not.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// Whether the problem stops the manifest from being used.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The manifest cannot be used.
        case error
        /// The manifest is used; something in it deserves attention.
        case warning
    }

    /// The severity.
    public var severity: Severity
    /// The file, as the user named it.
    public var path: String
    /// The 1-based line, or `nil` for a problem with the file as a whole.
    public var line: Int?
    /// The 1-based column (in characters), or `nil` with `line`.
    public var column: Int?
    /// What is wrong, and where possible what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, path: String, line: Int?, column: Int?, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`, or `path: message` for a problem with the whole file.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(path):\(line):\(column): \(message)"
        case let (line?, nil): return "\(path):\(line): \(message)"
        default: return "\(path): \(message)"
        }
    }
}
