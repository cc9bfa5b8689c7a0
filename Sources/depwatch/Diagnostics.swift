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

    /// Prints one line.
    static func print(message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
