import Foundation

/// A real git repository in a temporary directory, built with the git command line, for tests of code
/// that reads repositories (never mocked).
public final class GitFixture: @unchecked Sendable {
    /// The directory holding the repository (and room for clones beside it).
    public let directory: TemporaryDirectory
    /// The repository's work tree.
    public let path: String

    /// An empty repository with `main` as its branch.
    public init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("repo")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@depwatch.invalid")
        try git("config", "user.name", "depwatch tests")
        try git("config", "commit.gpgsign", "false")
    }

    /// Runs git in the work tree (or in `directory`); returns its standard output, trimmed.
    @discardableResult
    public func git(_ arguments: String..., in directory: String? = nil, date: String? = nil) throws -> String {
        var environment = ["GIT_CONFIG_NOSYSTEM": "1", "HOME": self.directory.url.path]
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        let result = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/git"), arguments,
                                        in: URL(fileURLWithPath: directory ?? path), environment: environment)
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(result.stderr)"])
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `files` (path → content; `nil` deletes) and commits them; returns the new commit's id.
    @discardableResult
    public func commit(_ message: String, _ files: [String: String?], date: String = "2021-02-15T10:00:00Z") throws -> String {
        for (file, content) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(file)
            if let content {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, date: date)
        return try git("rev-parse", "HEAD")
    }

    /// Writes `content` as a blob; returns its id.
    public func blob(_ content: String) throws -> String {
        let file = directory.path("blob-\(UUID().uuidString)")
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        return try git("hash-object", "-w", file)
    }

    /// A tree built with `git mktree`, which takes entry names git itself would never check out (`..`,
    /// `.git`, empty): `entries` are (name, blob or tree id, whether it is a tree). Returns its id.
    public func tree(_ entries: [(name: String, id: String, isTree: Bool)]) throws -> String {
        let listing = entries.map { "\($0.isTree ? "040000 tree" : "100644 blob") \($0.id)\t\($0.name)\n" }.joined()
        let file = directory.path("mktree-\(UUID().uuidString)")
        try Data(listing.utf8).write(to: URL(fileURLWithPath: file))
        let result = try CommandRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec git mktree < \"$0\"", file],
                                        in: URL(fileURLWithPath: path), environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.url.path])
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "git mktree: \(result.stderr)"])
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits `tree` on top of `parent` as branch `branch`; returns the commit's id.
    @discardableResult
    public func commit(tree: String, parent: String, branch: String, message: String = "hostile tree") throws -> String {
        let commit = try git("commit-tree", tree, "-p", parent, "-m", message)
        try git("update-ref", "refs/heads/\(branch)", commit)
        return commit
    }
}
