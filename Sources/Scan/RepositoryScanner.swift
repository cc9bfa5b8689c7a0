import Advisories
import Audit
import Foundation
import Git
import Manifest

/// Scans one repository at its revision: the manifests are read from its git tree (no checkout), the
/// repository's own `depwatch.toml` applies, and the audit pipeline does the rest. Any failure becomes a
/// failed scan with its error; it never stops the others.
public struct RepositoryScanner: Sendable {
    /// One index for the whole fleet: a package pinned by many repositories is read and compiled once.
    let index: AdvisoryIndex
    let today: String
    let now: @Sendable () -> Double

    /// A scanner matching against `store`; `today` (YYYY-MM-DD) decides expired ignores.
    public init(store: AdvisoryStore, today: String, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        (self.index, self.today, self.now) = (AdvisoryIndex(store: store), today, now)
    }

    /// The scan of `target`.
    public func scan(_ target: RepositoryTarget) -> RepositoryScan {
        var scan = RepositoryScan(name: target.name, path: target.path, revision: nil, status: .failed, error: nil, scannedAt: now())
        do {
            if target.isArtifact {
                try scanArtifact(target, into: &scan)
            } else {
                let repository = try Repository(path: target.path)
                let commit = try repository.commit(target.revision)
                scan.revision = commit.id
                let source = try GitTreeSource(repository, commit: commit.id, named: target.revision)
                record(try audit(source, subpaths: target.paths), into: &scan)
            }
        } catch {
            scan.error = error.localizedDescription
        }
        return scan
    }

    /// A built binary, audited as built (its own modules and Go, with reachability); the revision is the
    /// commit it was built from when its build settings record one.
    private func scanArtifact(_ target: RepositoryTarget, into scan: inout RepositoryScan) throws {
        let result = try Auditor.audit(AuditOptions(roots: [target.path], today: today), index: index)
        guard result.errors.isEmpty else { return record(result, into: &scan) }
        guard let binary = result.inventory.manifests.first?.binary else {
            scan.error = "\(target.path): not a Go binary"
            return
        }
        scan.revision = binary.settings.last { $0.key == "vcs.revision" }?.value
        record(result, into: &scan)
    }

    /// The audit's errors (a failed scan), or its warnings, findings and upgrades.
    private func record(_ result: AuditResult, into scan: inout RepositoryScan) {
        guard result.errors.isEmpty else {
            scan.error = result.errors.map(\.description).joined(separator: "\n")
            return
        }
        scan.status = .ok
        scan.warnings = result.warnings.map(\.description)
        scan.findings = result.findings.map(ScanFinding.init)
        scan.upgrades = result.upgrades.map(ScanUpgrade.init)
    }

    /// Audits the tree below `subpaths` (the whole tree when none of them is in it), with the policy at its root.
    private func audit(_ source: GitTreeSource, subpaths: [String]) throws -> AuditResult {
        let roots = subpaths.map(PathName.clean).filter(source.exists)
        let policy = try PolicyLocation.load(config: nil, roots: ["."], source: source)
        return try Auditor.audit(AuditOptions(roots: roots.isEmpty ? ["."] : roots, source: source, policy: policy, today: today), index: index)
    }
}
