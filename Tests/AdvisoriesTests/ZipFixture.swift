import Foundation
import ZIPFoundation

/// Writes zip archives for tests, with entry names taken literally (hostile ones included).
enum ZipFixture {
    static func write(_ path: String, entries: [(name: String, text: String)]) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
