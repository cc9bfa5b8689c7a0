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
            let base = try RevisionSnapshot(repository, revision: baseCommit.id, named: options.base, subpaths: options.subpaths)
            let headSnapshot = try headCommit.map {
                try RevisionSnapshot(repository, revision: $0.id, named: options.head ?? $0.id, subpaths: options.subpaths)
            }
            clock.mark("read both revisions' manifests (libgit2)")
            let headRoot = headSnapshot?.root ?? options.repository
            let baseAudit = try audit(root: base.root, subpaths: options.subpaths, options: options.audit, store: store)
            clock.mark("audit the base (parse, match)")
            let headAudit = try audit(root: headRoot, subpaths: options.subpaths, options: options.audit, store: store)
            clock.mark("audit the head (parse, match)")
            let manifests = ManifestPairing.compare(base: Side(baseAudit, root: base.root), head: Side(headAudit, root: headRoot))
            var result = DiffResult(base: options.base, baseCommit: baseCommit.id, head: options.head, headCommit: headCommit?.id,
                                    manifests: manifests, headAudit: headAudit)
            result.errors = relabel(baseAudit.errors, root: base.root, revision: options.base)
                + (headSnapshot.map { relabel(headAudit.errors, root: $0.root, revision: options.head ?? "") } ?? headAudit.errors)
            result.warnings = headSnapshot.map { relabel(headAudit.warnings, root: $0.root, revision: options.head ?? "") } ?? headAudit.warnings
            result.requireVetting = options.requireVetting || options.audit.policy.requireVetting
            if result.requireVetting {
                let records = try vetRecords(repository, head: headCommit?.id, named: options.head, workTree: options.repository)
                result.unvetted = Self.unvetted(manifests, head: Side(headAudit, root: headRoot), records: records)
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

    /// Diagnostics about a snapshot's files, named `REV:path` instead of the temporary folder's path.
    private static func relabel(_ diagnostics: [Diagnostic], root: String, revision: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.path.hasPrefix(root + "/") { diagnostic.path = revision + ":" + diagnostic.path.dropFirst(root.count + 1) }
            return diagnostic
        }
    }

    /// The vetting records at the head (the work tree's file, or the head revision's).
    private static func vetRecords(_ repository: Repository, head: String?, named name: String?, workTree: String) throws -> VetRecords {
        if let head {
            guard let data = try repository.blob(at: head, path: VetRecords.fileName) else { return VetRecords() }
            return try VetRecords.parse(String(decoding: data, as: UTF8.self), path: "\(name ?? head):\(VetRecords.fileName)")
        }
        let path = PathName.join(workTree, VetRecords.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return VetRecords() }
        return try VetRecords.parse(try ManifestFile.read(path), path: path)
    }

    /// Dependencies added or upgraded by the change that no record covers.
    static func unvetted(_ manifests: [ManifestDiff], head: Side, records: VetRecords) -> [UnvettedDependency] {
        manifests.flatMap { manifest -> [UnvettedDependency] in
            let family = head.manifests[manifest.path].map { EcosystemFamily($0.ecosystem) } ?? .go
            return manifest.changes.filter { [.added, .upgraded, .changed].contains($0.kind) }
                .filter { !records.covers(package: $0.package, version: $0.to, family: family) }
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

    private static func audit(root: String, subpaths: [String], options: AuditOptions, store: AdvisoryStore) throws -> AuditResult {
        var options = options
        let roots = subpaths.isEmpty ? [root] : subpaths.map { PathName.join(root, $0) }
        options.roots = roots.filter { FileManager.default.fileExists(atPath: $0) }
        // A path that does not exist on this side has no manifests: audit an empty folder for it.
        var empty: String?
        if options.roots.isEmpty {
            empty = ScratchLocation.makeDirectory(in: ScratchLocation.parent, prefix: "depwatch-empty-")
            guard let empty else { throw DiffError.snapshot("cannot create a temporary directory: \(String(cString: strerror(errno)))") }
            options.roots = [empty]
        }
        defer { if let empty { try? FileManager.default.removeItem(atPath: empty) } }
        return try Auditor.audit(options, store: store)
    }
}
