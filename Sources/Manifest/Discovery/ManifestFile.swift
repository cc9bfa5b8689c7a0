import Foundation

/// Reads a manifest's text from disk with the guards every manifest gets: it must exist, be readable,
/// be at most `maximumSize` bytes, and be UTF-8 text.
public enum ManifestFile {
    /// The largest manifest depwatch reads: 16 MiB.
    public static let maximumSize = 16 << 20

    /// The file's text.
    public static func read(_ path: String) throws(ManifestError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        if Int(info.st_size) > maximumSize { throw .tooLarge(path: path, bytes: Int(info.st_size), limit: maximumSize) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        if data.count > maximumSize { throw .tooLarge(path: path, bytes: data.count, limit: maximumSize) }
        guard !data.contains(0), let text = String(bytes: data, encoding: .utf8) else { throw .notText(path: path) }
        return text
    }

    /// Whether a file exists at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func reason(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if (error as NSError).code == NSFileReadNoPermissionError { return String(cString: strerror(EACCES)) }
        return error.localizedDescription
    }
}
