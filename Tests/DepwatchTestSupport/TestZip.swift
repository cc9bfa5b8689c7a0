import Foundation
import ZIPFoundation

/// Zip archives written by tests (deflated), entry by entry, so that a large one is never held whole.
public enum TestZip {
    /// Writes `count` entries to `url`: entry `index` is named `name(index)` and holds `contents(index)`.
    public static func write(_ url: URL, count: Int, name: (Int) -> String, contents: (Int) -> Data) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for index in 0..<count {
            let data = contents(index)
            try archive.addEntry(with: name(index), type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
