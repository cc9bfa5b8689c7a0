import Core
import Foundation
import Manifest
import Scan

/// Progress of a scan on standard error: a bar that rewrites itself on a terminal (done/total, the
/// repository just finished, elapsed time), one plain line per repository otherwise.
final class ScanProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started: Double
    private let terminal = isatty(STDERR_FILENO) == 1
    private var done = 0

    init(total: Int, started: Double) {
        self.total = total
        self.started = started
    }

    /// Reports one finished repository.
    func completed(_ scan: RepositoryScan) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let elapsed = String(format: "%.1f s", Date().timeIntervalSince1970 - started)
        let outcome = scan.status == .ok ? "\(scan.findings.filter { !$0.ignored }.count) findings" : "FAILED"
        if terminal {
            let width = 24, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\u{1B}[2K\(bar) \(done)/\(total) \(elapsed)  \(TerminalText.escape(scan.name)): \(outcome)")
        } else {
            write("depwatch: [\(done)/\(total)] \(TerminalText.escape(scan.name)): \(outcome) (\(elapsed))\n")
        }
    }

    /// Ends the bar's line.
    func finish() {
        if terminal { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
