import Foundation

/// Writes a report whole or not at all: a temporary file beside the target, then a rename.
public enum ReportFile {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(ReportError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(bytes: [UInt8], to path: String) throws(ReportError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .output(path: path, reason: (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? error.localizedDescription)
        }
    }
}
