import Foundation
import Git

/// The dependency's source as the test sees it (`DEPWATCH_SOURCE`): one directory below the scratch
/// directory, moved from commit to commit by writing only the files that differ (a full checkout of a
/// large tree each step costs more than the test on a slow disk). As git's index does, it remembers each
/// file's size, modification time and inode after a move; before the next move, files the test (or the
/// wiring) changed, removed or added are found by comparing them, deleted, and restored from the tree.
final class SourceCheckout: @unchecked Sendable {
    /// The directory.
    let path: String
    private let repository: Repository
    private var current: String?
    private var stamps: [String: FileStamp] = [:]

    init(_ repository: Repository, path: String) {
        self.repository = repository
        self.path = path
    }

    /// Makes the directory hold exactly `commit`'s tree; returns its path.
    func move(to commit: String) throws(BisectError) -> String {
        let touched = current == nil ? [] : restoreTouched()
        if commit == current && touched.isEmpty { return path }
        let written: [String]?
        do {
            written = try repository.checkout(commit, into: path, replacing: current, touched: touched)
        } catch {
            throw .git(error)
        }
        current = commit
        if let written {
            // Only what was just written changed since the last walk.
            for file in written { stamps[file] = FileStamp(path: (path as NSString).appendingPathComponent(file)) }
        } else {
            stamps = FileStamp.all(below: path)
        }
        return path
    }

    /// Deletes every file that differs from what the last move left, and returns the tracked ones among
    /// them (to be checked out again); files the last move did not leave are simply gone.
    private func restoreTouched() -> [String] {
        let now = FileStamp.all(below: path)
        var touched: [String] = []
        for (file, stamp) in now where stamps[file] != stamp {
            try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(file))
            if stamps[file] != nil { touched.append(file) }
        }
        touched += stamps.keys.filter { now[$0] == nil }
        return touched
    }
}

/// What identifies a file's state cheaply: size, modification time and inode (lstat).
struct FileStamp: Equatable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// The stamp of the file at `path`, or `nil` when there is none.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        self.init(info)
    }

    /// Every regular file and symbolic link below `root`, by relative path (readdir and lstat, no Foundation).
    static func all(below root: String) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        func walk(_ directory: String, _ prefix: String) {
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let full = directory + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { walk(full, relative) } else { stamps[relative] = FileStamp(info) }
            }
        }
        walk(root, "")
        return stamps
    }
}
