import Audit

/// Where a report goes: standard output, or with `--output` a file written atomically.
enum ReportOutput {
    /// Writes `text` to `output` (a path) or, when `nil`, to standard output; a file that cannot be written
    /// is reported on standard error and ends the run with the error status.
    static func emit(_ text: String, to output: String?) throws {
        guard let output else { return print(text, terminator: "") }
        do { try ReportFile.write(text, to: output) } catch {
            Diagnostics.print(message: error.localizedDescription)
            throw ExitStatus.error.exitCode
        }
    }
}
