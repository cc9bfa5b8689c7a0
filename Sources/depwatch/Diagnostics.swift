import Core
import Foundation
import Manifest

/// Writes problems to standard error, one `path:line:column: message` line each.
enum Diagnostics {
    /// Prints each diagnostic; warnings are marked as such.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let line = diagnostic.severity == .warning ? "\(diagnostic) (warning)" : diagnostic.description
            print(message: line)
        }
    }

    /// Prints one line, its control characters escaped (messages quote manifests, repositories and
    /// advisories, which must not reach the terminal raw).
    static func print(message: String) {
        FileHandle.standardError.write(Data((TerminalText.escape(message, allowingNewlines: true) + "\n").utf8))
    }
}
