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

    /// The longest line printed whole: a message that quotes a huge input keeps its start and end.
    static let maximumLine = 4_096

    /// Prints one line, its control characters escaped (messages quote manifests, repositories and
    /// advisories, which must not reach the terminal raw), at most `maximumLine` bytes of it (whatever
    /// error it came from: the net under every message's own excerpt).
    static func print(message: String) {
        let text = TerminalText.shortened(TerminalText.escape(message, allowingNewlines: true), limit: maximumLine)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
