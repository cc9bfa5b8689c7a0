import Foundation
import Git
import Versions

/// The dependency's repository as bisect sees it: the candidates between two endpoints, and what to
/// call a commit (its tag or pseudo-version, the earliest tag that contains it).
final class DependencyHistory: @unchecked Sendable {
    let repository: Repository
    private let tags: [Tag]
    private let modulePath: String?
    /// The history of each release tag's commit, computed when first needed.
    private var tagHistories: [String: Set<String>] = [:]

    init(path: String, module: String?) throws(BisectError) {
        do {
            repository = try Repository(path: path)
            tags = try repository.tags()
        } catch {
            throw .git(error)
        }
        modulePath = module
    }

    /// A commit with the names a report gives it.
    func describe(_ commit: Commit) throws(BisectError) -> CommitInfo {
        CommitInfo(id: commit.id, summary: commit.summary, time: commit.time,
                   tag: try earliestTag(containing: commit.id), version: try version(of: commit))
    }

    func commit(_ revision: String) throws(BisectError) -> Commit {
        do { return try repository.commit(revision) } catch { throw .git(error) }
    }

    /// The commit an endpoint flag names; a revision that does not exist says which flag and how to get it.
    func endpoint(_ revision: String, flag: String) throws(BisectError) -> Commit {
        do {
            return try repository.commit(revision)
        } catch {
            if error.isNotFound { throw .missingRevision(flag: flag, revision: revision, repository: repository.displayPath) }
            throw .git(error)
        }
    }

    /// Whether `descendant` has `ancestor` in its history.
    func isDescendant(_ descendant: String, of ancestor: String) throws(BisectError) -> Bool {
        do { return try repository.isDescendant(descendant, of: ancestor) } catch { throw .git(error) }
    }

    /// The commits after `old` up to `new`, parents first, `new` last, with parent indices.
    func commitCandidates(old: Commit, new: Commit) throws(BisectError) -> (commits: [Commit], parents: [[Int]]) {
        var commits: [Commit]
        do { commits = try repository.commits(from: old.id, to: new.id) } catch { throw .git(error) }
        if let index = commits.firstIndex(where: { $0.id == new.id }), index != commits.count - 1 {
            commits.append(commits.remove(at: index))
        }
        let position = Dictionary(uniqueKeysWithValues: commits.enumerated().map { ($1.id, $0) })
        return (commits, commits.map { $0.parents.compactMap { position[$0] } })
    }

    /// `--tags`: the release tags on commits after `old` up to `new`, ordered by version (one per commit,
    /// the lowest), then `new` itself when no tag names it; each the parent of the next.
    func tagCandidates(old: Commit, new: Commit) throws(BisectError) -> (commits: [Commit], parents: [[Int]]) {
        let inRange = Set(try commitCandidates(old: old, new: new).commits.map(\.id))
        var seen: Set<String> = []
        let tagged = releaseTags().filter { inRange.contains($0.tag.commit) && seen.insert($0.tag.commit).inserted }
        guard !tagged.isEmpty else { throw .noTags("\(old.shortID)..\(new.shortID)") }
        var commits = try tagged.map { tagged throws(BisectError) in try commit(tagged.tag.commit) }
        if commits.last?.id != new.id { commits.append(new) }
        return (commits, commits.indices.map { $0 == 0 ? [] : [$0 - 1] })
    }

    /// Semantic-version tags, lowest version first.
    private func releaseTags() -> [(tag: Tag, version: GoVersion)] {
        tags.compactMap { tag in
            GoVersion(tag.name.hasPrefix("v") ? tag.name : "v" + tag.name).map { (tag, $0) }
        }
        .sorted { $0.version < $1.version }
    }

    /// The lowest-versioned release tag whose commit is `id` or a descendant of it (`nil` when no release
    /// contains the commit yet).
    func earliestTag(containing id: String) throws(BisectError) -> String? {
        for (tag, _) in releaseTags() {
            if tag.commit == id { return tag.name }
            if try history(of: tag.commit).contains(id) { return tag.name }
        }
        return nil
    }

    /// The tag on the commit itself, or the pseudo-version the go command would give it (after the
    /// highest release tag among its ancestors).
    func version(of commit: Commit) throws(BisectError) -> String {
        let releases = releaseTags()
        if let exact = releases.first(where: { $0.tag.commit == commit.id }) { return exact.tag.name }
        let ancestors = releases.isEmpty ? [] : try reachable(from: commit.id)
        let older = releases.last { ancestors.contains($0.tag.commit) }?.version
        let major = modulePath.flatMap(GoModulePath.splitMajor)?.major ?? ""
        return GoPseudoVersion.make(major: major.isEmpty ? "v0" : String(major.dropFirst()), after: older,
                                    time: commit.time, revision: commit.id)
    }

    /// The commits in a tag's history (cached: every step asks about the same tags).
    private func history(of tagCommit: String) throws(BisectError) -> Set<String> {
        if let known = tagHistories[tagCommit] { return known }
        let history = try reachable(from: tagCommit)
        tagHistories[tagCommit] = history
        return history
    }

    private func reachable(from commit: String) throws(BisectError) -> Set<String> {
        do { return try repository.reachableCommits(from: commit) } catch { throw .git(error) }
    }

    /// The URL of the `origin` remote, for an advisory's GIT range (`nil` without one).
    func originURL() -> String? {
        repository.remoteURL("origin")
    }
}

/// A commit as the report shows it.
public struct CommitInfo: Sendable, Equatable, Codable {
    /// The full id.
    public var id: String
    /// The first line of its message.
    public var summary: String
    /// The committer time, seconds since 1970.
    public var time: Int64
    /// The earliest release tag that contains it.
    public var tag: String?
    /// Its tag, or its Go pseudo-version.
    public var version: String

    /// The first twelve digits of the id.
    public var shortID: String { String(id.prefix(12)) }

    private enum CodingKeys: String, CodingKey {
        case id, summary, time, date, tag, version
    }

    /// Creates a description of a commit.
    public init(id: String, summary: String, time: Int64, tag: String?, version: String) {
        (self.id, self.summary, self.time, self.tag, self.version) = (id, summary, time, tag, version)
    }

    /// Decodes one written by `encode(to:)` (the date is derived from the time).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), summary: try container.decode(String.self, forKey: .summary),
                  time: try container.decode(Int64.self, forKey: .time), tag: try container.decodeIfPresent(String.self, forKey: .tag),
                  version: try container.decode(String.self, forKey: .version))
    }

    /// Encodes every field and the date, with a null tag when no release contains the commit.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(summary, forKey: .summary)
        try container.encode(time, forKey: .time)
        try container.encode(date, forKey: .date)
        try container.encode(tag, forKey: .tag)
        try container.encode(version, forKey: .version)
    }

    /// The commit time as `2021-02-15T10:00:00Z`.
    public var date: String { UTCTime.iso8601(time) }
}
