import Advisories
import Audit
import Diff
import Foundation
import Git
import Manifest

/// Scans one repository at its revision: the manifests are read from git objects (no checkout), the
/// repository's own `depwatch.toml` applies, and the audit pipeline does the rest. Any failure becomes a
/// failed scan with its error; it never stops the others.
public struct RepositoryScanner: Sendable {
    let store: AdvisoryStore
    let today: String
    let now: @Sendable () -> Double

    /// A scanner matching against `store`; `today` (YYYY-MM-DD) decides expired ignores.
    public init(store: AdvisoryStore, today: String, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        (self.store, self.today, self.now) = (store, today, now)
    }

    /// The scan of `target`.
    public func scan(_ target: RepositoryTarget) -> RepositoryScan {
        var scan = RepositoryScan(name: target.name, path: target.path, revision: nil, status: .failed, error: nil, scannedAt: now())
        do {
            let repository = try Repository(path: target.path)
            let commit = try repository.commit(target.revision)
            scan.revision = commit.id
            let snapshot = try RevisionSnapshot(repository, revision: commit.id, named: target.revision, subpaths: target.paths,
                                                also: [PolicyLocation.fileName])
            let result = try audit(snapshot.root, subpaths: target.paths)
            if !result.errors.isEmpty {
                scan.error = result.errors.map { relabel($0.description, snapshot.root, target.revision) }.joined(separator: "\n")
                return scan
            }
            scan.status = .ok
            scan.warnings = result.warnings.map { relabel($0.description, snapshot.root, target.revision) }
            scan.findings = result.findings.map { finding in
                ScanFinding(manifest: relative(finding.manifest, snapshot.root), package: finding.package, version: finding.version,
                            id: finding.id, kind: finding.kind, severity: finding.severity.rawValue, summary: finding.summary,
                            fixed: finding.fixed, ignored: finding.ignored)
            }
            scan.upgrades = result.upgrades.map { upgrade in
                ScanUpgrade(manifest: relative(upgrade.manifest, snapshot.root), package: upgrade.package, from: upgrade.from,
                            to: upgrade.to, fixes: upgrade.fixes)
            }
        } catch {
            scan.error = error.localizedDescription
        }
        return scan
    }

    private func audit(_ root: String, subpaths: [String]) throws -> AuditResult {
        let roots = subpaths.isEmpty ? [root] : subpaths.map { PathName.join(root, $0) }.filter { FileManager.default.fileExists(atPath: $0) }
        let policyPath = PathName.join(root, PolicyLocation.fileName)
        let policy = FileManager.default.fileExists(atPath: policyPath) ? try PolicyLocation.load(config: policyPath, roots: [root]) : Policy()
        return try Auditor.audit(AuditOptions(roots: roots.isEmpty ? [root] : roots, policy: policy, today: today), store: store)
    }

    private func relative(_ path: String, _ root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// A diagnostic about a snapshot file, named `REV:path`.
    private func relabel(_ text: String, _ root: String, _ revision: String) -> String {
        text.replacingOccurrences(of: root + "/", with: revision + ":")
    }
}
