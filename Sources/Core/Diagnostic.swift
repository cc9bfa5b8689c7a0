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

    /// What kind of problem it is: a stable kebab-case name (as cargo-deny's `unused-ignore`) that
    /// scripts and policies can match on, whatever the message says.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The content is malformed (go.mod, go.work, go.sum, Package.resolved, JSON).
        case syntaxError = "syntax-error"
        /// The file holds unresolved merge-conflict markers.
        case mergeConflict = "merge-conflict"
        /// Nothing is at the path.
        case notFound = "not-found"
        /// The file exists but cannot be read (a directory, a FIFO, no permission).
        case unreadable
        /// The file is over the size limit.
        case tooLarge = "too-large"
        /// The file is not UTF-8 text.
        case notText = "not-text"
        /// The file's name is not one of the manifests depwatch reads.
        case unknownKind = "unknown-kind"
        /// A directory below a root could not be listed.
        case unlistedDirectory = "unlisted-directory"
        /// Something named like a manifest is not a regular file.
        case notRegularFile = "not-regular-file"
        /// A go.mod without a `module` line.
        case missingModule = "missing-module"
        /// A go.mod below go 1.17 without the go.sum that lists its indirect dependencies.
        case missingGoSum = "missing-go-sum"
        /// A go.work `use` of a directory without a go.mod.
        case skippedWorkspaceUse = "skipped-workspace-use"
        /// The Go standard library could not be checked (no toolchain directive, no --go-version).
        case uncheckedStandardLibrary = "unchecked-standard-library"
        /// An ignore in the policy whose `until` date has passed.
        case expiredIgnore = "expired-ignore"
        /// An ignore in the policy that matched no finding.
        case unusedIgnore = "unused-ignore"
        /// A file that looks like an executable but is damaged (an offset or size past its end).
        case malformedBinary = "malformed-binary"
        /// An executable that Go did not build (no build information in it).
        case notGoBinary = "not-go-binary"
        /// A module whose imported packages could not be listed (`audit --packages`): audited without reachability.
        case uncheckedReachability = "unchecked-reachability"
    }

    /// The severity.
    public var severity: Severity
    /// What kind of problem it is.
    public var code: Code
    /// The file, as the user named it.
    public var path: String
    /// The 1-based line, or `nil` for a problem with the file as a whole.
    public var line: Int?
    /// The 1-based column (in characters), or `nil` with `line`.
    public var column: Int?
    /// What is wrong, and where possible what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, path: String, line: Int?, column: Int?, message: String) {
        self.init(.error, code, path: path, line: line, column: column, message: message)
    }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: Code, path: String, line: Int?, column: Int?, message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.message = TerminalText.shortened(message, limit: Self.maximumMessage)
    }

    /// The longest message kept whole; a longer one (it quotes a huge input) keeps its start and end.
    public static let maximumMessage = 1_000

    /// `path:line:column: message`, or `path: message` for a problem with the whole file.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(path):\(line):\(column): \(message)"
        case let (line?, nil): return "\(path):\(line): \(message)"
        default: return "\(path): \(message)"
        }
    }
}
