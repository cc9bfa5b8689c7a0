import Advisories
import Foundation

/// Local clones of dependencies (`--repo-map PACKAGE=PATH`), for deciding OSV `GIT` ranges: a commit is in
/// a range when it is, or descends from, an introducing commit (or `0`), does not descend from (or equal)
/// a fixing commit, stays at or before a `last_affected` one, and lies below a `limit` when there are limits.
public final class RepositoryMap: GitRangeEvaluating, @unchecked Sendable {
    private let paths: [String: String]
    private let cache: String?
    private var repositories: [String: Repository] = [:]
    private let lock = NSLock()

    /// A map from package (module path or normalized Swift location) to a local clone, and optionally a
    /// folder of clones laid out by package (`CACHE/github.com/bluele/gcache`, bare `….git` too).
    public init(_ paths: [String: String], cache: String? = nil) {
        self.paths = paths
        self.cache = cache
    }

    /// Whether `revision` of `package` lies in the GIT `range`; `nil` without a clone or a commit.
    public func contains(_ range: OSVRange, package: String, revision: String) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        guard let repository = repository(for: package), let commit = try? repository.commit(revision).id else { return nil }
        func reaches(_ ancestor: String) -> Bool? {
            guard let target = try? repository.commit(ancestor).id else { return nil }
            if target == commit { return true }
            return try? repository.isDescendant(commit, of: target)
        }
        var introduced = false, fixed = false, beforeLimit: Bool?
        for event in range.events {
            switch event {
            case .introduced(let id):
                if id == "0" { introduced = true; continue }
                guard let hit = reaches(id) else { return nil }
                introduced = introduced || hit
            case .fixed(let id):
                guard let hit = reaches(id) else { return nil }
                fixed = fixed || hit
            case .lastAffected(let id):
                guard let target = try? repository.commit(id).id, let after = try? repository.isDescendant(commit, of: target) else { return nil }
                fixed = fixed || after
            case .limit(let id):
                guard let target = try? repository.commit(id).id, let below = try? repository.isDescendant(target, of: commit) else { return nil }
                beforeLimit = (beforeLimit ?? false) || below
            }
        }
        return introduced && !fixed && (beforeLimit ?? true)
    }

    private func repository(for package: String) -> Repository? {
        if let open = repositories[package] { return open }
        let candidates = [paths[package]] + (cache.map { [$0 + "/" + package, $0 + "/" + package + ".git"] } ?? [])
        guard let repository = candidates.compactMap({ $0 }).lazy.compactMap({ try? Repository(path: $0) }).first else { return nil }
        repositories[package] = repository
        return repository
    }
}
