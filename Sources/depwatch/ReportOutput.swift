import Audit
import Report
import Foundation

/// Where a report goes: standard output, or with `--output` a file written atomically.
enum ReportOutput {
    /// Writes `text` to `output` (a path) or, when `nil`, to standard output; a file that cannot be written
    /// is reported on standard error and ends the run with the error status.
    static func emit(_ text: String, to output: String?) throws {
        try emit(bytes: Array(text.utf8), to: output)
    }

    /// The same for a rendering's UTF-8 bytes (the JSON formats come as bytes from their writer).
    static func emit(bytes: [UInt8], to output: String?) throws {
        guard let output else { return writeToStandardOutput(bytes) }
        do { try ReportFile.write(bytes: bytes, to: output) } catch {
            throw CommandFailure.error(error.localizedDescription)
        }
    }

    /// Straight to the descriptor, after whatever the C library still buffers for it, so the order holds.
    private static func writeToStandardOutput(_ bytes: [UInt8]) {
        fflush(nil)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
