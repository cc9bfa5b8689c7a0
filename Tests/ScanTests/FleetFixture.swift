import DepwatchTestSupport
import Foundation
@testable import Scan

/// A fleet of real git repositories in a temporary directory: Go services pinning gcache v0.0.1 or a
/// vulnerable golang.org/x/text, Swift services pinning a vulnerable swift-nio-http2, clean ones, and one
/// whose go.mod is corrupt.
final class FleetFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    var root: String { directory.path("fleet") }

    static let gcache = "module example.com/%@\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"
    static let text = "module example.com/%@\n\ngo 1.21\n\nrequire golang.org/x/text v0.3.5\n"
    static let clean = "module example.com/%@\n\ngo 1.21\n\nrequire github.com/bluele/gcache v0.0.2\n"
    static let corrupt = "module example.com/broken\n\nrequire (\n\tgithub.com/bluele/gcache v0.0.1\n"
    static let swift = """
        {"pins": [{"identity": "swift-nio-http2", "kind": "remoteSourceControl",
                   "location": "https://github.com/apple/swift-nio-http2.git",
                   "state": {"revision": "0000000000000000000000000000000000000001", "version": "1.19.0"}}],
         "version": 2}
        """

    /// The repository names, by what they pin.
    static let layout: [(prefix: String, count: Int)] = [("gcache", 10), ("text", 8), ("swift", 8), ("clean", 5), ("corrupt", 1)]

    /// A fleet laid out as `layout` (by default 32 repositories).
    init(layout: [(prefix: String, count: Int)] = FleetFixture.layout) throws {
        directory = try TemporaryDirectory()
        for (prefix, count) in layout {
            for index in 0..<count {
                let name = "\(prefix)-\(index)"
                try makeRepository(name, files: Self.files(prefix, name))
            }
        }
    }

    static func files(_ prefix: String, _ name: String) -> [String: String] {
        switch prefix {
        case "gcache": return ["go.mod": String(format: gcache, name)]
        case "text": return ["go.mod": String(format: text, name)]
        case "swift": return ["Package.resolved": swift]
        case "clean": return ["go.mod": String(format: clean, name)]
        default: return ["go.mod": corrupt]
        }
    }

    var names: [String] {
        Self.layout.flatMap { prefix, count in (0..<count).map { "\(prefix)-\($0)" } }.sorted()
    }

    /// Creates a repository with one commit of `files`.
    func makeRepository(_ name: String, files: [String: String]) throws {
        let path = (root as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: path)
        try commit(name, files, message: "initial")
    }

    /// Commits `files` (path → content, `nil` deletes) in repository `name`.
    func commit(_ name: String, _ files: [String: String?], message: String) throws {
        let path = (root as NSString).appendingPathComponent(name)
        for (file, content) in files {
            let target = (path as NSString).appendingPathComponent(file)
            if let content { try Data(content.utf8).write(to: URL(fileURLWithPath: target)) } else { try? FileManager.default.removeItem(atPath: target) }
        }
        try git(["add", "-A"], in: path)
        try git(["-c", "user.email=t@depwatch.invalid", "-c", "user.name=t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message], in: path)
    }

    private func git(_ arguments: [String], in path: String) throws {
        let result = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/git"), arguments, in: URL(fileURLWithPath: path),
                                        environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.url.path])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
    }
}
