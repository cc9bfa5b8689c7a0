import Foundation
import ZIPFoundation

/// A Go module proxy in a folder (`GOPROXY=file://DIR`), serving a test's own module versions offline:
/// for each, `@v/list`, `VERSION.info`, `VERSION.mod` and the module zip (`path@version/…` entries), as
/// the GOPROXY protocol lays them out.
public struct GoModuleProxy {
    /// The folder.
    public let root: URL

    /// An empty proxy in `root`.
    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// `GOPROXY`'s value for it.
    public var url: String { "file://" + root.path }

    /// Serves `module` at `version` with `files` (relative path → content; `go.mod` among them).
    public func add(_ module: String, _ version: String, files: [String: String], time: String = "2021-02-15T10:00:00Z") throws {
        let directory = root.appendingPathComponent(module + "/@v")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let list = directory.appendingPathComponent("list")
        let earlier = (try? String(contentsOf: list, encoding: .utf8)) ?? ""
        try Data((earlier + version + "\n").utf8).write(to: list)
        try Data(#"{"Version":"\#(version)","Time":"\#(time)"}"#.utf8).write(to: directory.appendingPathComponent(version + ".info"))
        try Data((files["go.mod"] ?? "module \(module)\n").utf8).write(to: directory.appendingPathComponent(version + ".mod"))
        let zip = directory.appendingPathComponent(version + ".zip")
        let archive = try Archive(url: zip, accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: "\(module)@\(version)/\(path)", type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The environment for `go` to build from this proxy only: no checksum database, a module cache of
    /// the test's own in `cache`, go.mod and go.sum updated as needed.
    public func environment(cache: URL) -> [String: String] {
        ["GOPROXY": url, "GOSUMDB": "off", "GONOSUMDB": "*", "GOFLAGS": "-mod=mod", "GOMODCACHE": cache.path]
    }
}
