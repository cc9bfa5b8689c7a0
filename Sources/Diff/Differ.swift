import Advisories
import Audit
import Foundation
import Git
import Manifest

/// What to compare.
public struct DiffOptions: Sendable {
    /// The repository (work tree or bare).
    public var repository: String
    /// The base revision (the target branch).
    public var base: String
    /// The head revision; `nil` for the work tree as it is (uncommitted edits count).
    public var head: String?
    /// Paths inside the repository to limit the comparison to (all when empty).
    public var subpaths: [String]
    /// The audit settings applied to both sides (policy, thresholds, Go toolchain).
    public var audit: AuditOptions
    /// `--require-vetting`, on top of the policy's `require-vetting`.
    public var requireVetting = false

    /// Creates options; `audit.roots` is ignored (the sides decide their roots).
    public init(repository: String, base: String, head: String? = nil, subpaths: [String] = [], audit: AuditOptions) {
        self.repository = repository
        self.base = base
        self.head = head
        self.subpaths = subpaths
        self.audit = audit
    }
}

/// Wall-clock time per phase.
struct PhaseClock {
    private var last = Date()
    private(set) var phases: [(phase: String, seconds: Double)] = []

    mutating func mark(_ phase: String) {
        let now = Date()
        phases.append((phase, now.timeIntervalSince(last)))
        last = now
    }
}

/// Compares the dependencies and findings of two revisions (or a revision and the work tree): what the
/// change introduces, what it fixes, and what was there already.
public enum Differ {
    /// The diff of `options.base` and `options.head`.
    public static func diff(_ options: DiffOptions, store: AdvisoryStore) throws(DiffError) -> DiffResult {
        var clock = PhaseClock()
        do {
            let repository = try Repository(path: options.repository)
            let baseCommit = try resolve(options.base, in: repository, path: options.repository)
            let headCommit = try options.head.map { (revision) throws(DiffError) in try resolve(revision, in: repository, path: options.repository) }
            if options.head == nil, repository.isBare { throw DiffError.bareNeedsHead(repository: options.repository) }
            let base = Revision(source: try GitTreeSource(repository, commit: baseCommit.id, named: options.base), root: ".")
            let head = try headCommit.map { Revision(source: try GitTreeSource(repository, commit: $0.id, named: options.head ?? $0.id), root: ".") }
                ?? Revision(source: FileSystemSource(), root: options.repository)
            clock.mark("read both revisions' trees (libgit2)")
            // One index for both sides: the advisories of a package both revisions pin are read and compiled once.
            let index = AdvisoryIndex(store: store)
            let baseAudit = try audit(base, subpaths: options.subpaths, options: options.audit, index: index)
            clock.mark("audit the base (parse, match)")
            let headAudit = try audit(head, subpaths: options.subpaths, options: options.audit, index: index)
            clock.mark("audit the head (parse, match)")
            let manifests = ManifestPairing.compare(base: Side(baseAudit, root: base.root), head: Side(headAudit, root: head.root))
            var result = DiffResult(base: options.base, baseCommit: baseCommit.id, head: options.head, headCommit: headCommit?.id,
                                    manifests: manifests, headAudit: headAudit)
            result.errors = baseAudit.errors + headAudit.errors
            result.warnings = headAudit.warnings
            result.requireVetting = options.requireVetting || options.audit.policy.requireVetting
            if result.requireVetting {
                let records = try VetRecords.load(in: head.root, from: head.source)
                result.unvetted = Self.unvetted(manifests, head: Side(headAudit, root: head.root), records: records)
            }
            clock.mark("compare")
            result.timings = clock.phases
            return result
        } catch let error as DiffError {
            throw error
        } catch let error as GitError {
            throw .git(error)
        } catch let error as AdvisoryStoreError {
            throw .store(error)
        } catch let error as AuditError {
            throw .records(error)
        } catch {
            throw .snapshot(error.localizedDescription)
        }
    }

    /// Dependencies added or upgraded by the change that no record covers.
    static func unvetted(_ manifests: [ManifestDiff], head: Side, records: VetRecords) -> [UnvettedDependency] {
        manifests.flatMap { manifest -> [UnvettedDependency] in
            let ecosystem = head.manifests[manifest.path]?.ecosystem ?? .go
            return manifest.changes.filter { [.added, .upgraded, .changed].contains($0.kind) }
                .filter { !records.covers(package: $0.package, version: $0.to, ecosystem: ecosystem) }
                .map { UnvettedDependency(manifest: manifest.path, package: $0.package, version: $0.to) }
        }
    }

    private static func resolve(_ revision: String, in repository: Repository, path: String) throws(DiffError) -> Commit {
        do {
            return try repository.commit(revision)
        } catch {
            if error.isNotFound { throw .missingRevision(revision: revision, repository: path) }
            throw .git(error)
        }
    }

    /// One side's manifests: a revision's tree, or the work tree on disk, and its root there.
    struct Revision {
        var source: any ManifestSource
        var root: String
    }

    /// Audits a side below `subpaths` of its root; a path that does not exist on this side has no manifests.
    private static func audit(_ side: Revision, subpaths: [String], options: AuditOptions, index: AdvisoryIndex) throws -> AuditResult {
        var options = options
        let roots = subpaths.isEmpty ? [side.root] : subpaths.map { PathName.join(side.root, $0) }
        options.roots = roots.filter(side.source.exists)
        options.source = side.source
        return try Auditor.audit(options, index: index)
    }
}
