import Advisories
import Audit
import Core
import Manifest

/// One side of a diff: its audit, with paths made relative to the repository root.
struct Side {
    let manifests: [String: ManifestInventory]
    let findings: [String: [Finding]]

    init(_ audit: AuditResult, root: String) {
        let prefix = PathName.clean(root) == "." ? "" : PathName.clean(root) + "/"
        func relative(_ path: String) -> String {
            let cleaned = PathName.clean(path)
            return prefix.isEmpty || !cleaned.hasPrefix(prefix) ? cleaned : String(cleaned.dropFirst(prefix.count))
        }
        var manifests: [String: ManifestInventory] = [:]
        for var manifest in audit.inventory.manifests where manifest.uses == nil {
            manifest.path = relative(manifest.path)
            manifests[manifest.path] = manifest
        }
        self.manifests = manifests
        var findings: [String: [Finding]] = [:]
        for var finding in audit.findings {
            finding.manifest = relative(finding.manifest)
            findings[finding.manifest, default: []].append(finding)
        }
        self.findings = findings
    }
}

/// Pairs the manifests of two sides (by path; a go.mod that moved is recognized by its module path) and
/// compares each pair.
enum ManifestPairing {
    static func compare(base: Side, head: Side) -> [ManifestDiff] {
        var pairs: [(base: String?, head: String?)] = []
        var unmatchedBase = Set(base.manifests.keys).subtracting(head.manifests.keys)
        for path in head.manifests.keys.sorted() {
            if base.manifests[path] != nil {
                pairs.append((path, path))
            } else if let module = head.manifests[path]?.module,
                      let moved = unmatchedBase.sorted().first(where: { base.manifests[$0]?.module == module }) {
                unmatchedBase.remove(moved)
                pairs.append((moved, path))
            } else {
                pairs.append((nil, path))
            }
        }
        pairs += unmatchedBase.sorted().map { ($0, nil) }
        return pairs.map { compare($0.base, $0.head, base: base, head: head) }
    }

    private static func compare(_ basePath: String?, _ headPath: String?, base: Side, head: Side) -> ManifestDiff {
        let before = basePath.flatMap { base.manifests[$0] }
        let after = headPath.flatMap { head.manifests[$0] }
        let beforeFindings = basePath.flatMap { base.findings[$0] } ?? []
        let afterFindings = headPath.flatMap { head.findings[$0] } ?? []
        let key = { (finding: Finding) in finding.package + "\u{0}" + finding.id }
        let beforeKeys = Set(beforeFindings.map(key)), afterKeys = Set(afterFindings.map(key))
        let changes = dependencyChanges(before?.dependencies ?? [], after?.dependencies ?? [],
                                        ecosystem: (after ?? before)?.ecosystem ?? .go)
        let status: ManifestDiff.Status
        switch (basePath, headPath) {
        case (nil, _): status = .added
        case (_, nil): status = .removed
        case let (b?, h?) where b != h: status = .moved
        default: status = changes.isEmpty ? .unchanged : .modified
        }
        return ManifestDiff(
            path: headPath ?? basePath ?? "", movedFrom: status == .moved ? basePath : nil, status: status, changes: changes,
            introduced: afterFindings.filter { !beforeKeys.contains(key($0)) },
            fixed: beforeFindings.filter { !afterKeys.contains(key($0)) },
            existing: afterFindings.filter { beforeKeys.contains(key($0)) })
    }

    static func dependencyChanges(_ before: [Dependency], _ after: [Dependency], ecosystem: Ecosystem) -> [DependencyChange] {
        let old = Dictionary(before.map { ($0.package, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.package, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [DependencyChange] = []
        for package in Set(old.keys).union(new.keys).sorted() {
            switch (old[package], new[package]) {
            case let (nil, added?):
                changes.append(DependencyChange(kind: .added, package: package, from: nil, to: added.version ?? added.source.rawValue))
            case let (removed?, nil):
                changes.append(DependencyChange(kind: .removed, package: package, from: removed.version ?? removed.source.rawValue, to: nil))
            case let (a?, b?) where a.version != b.version || a.source != b.source:
                let order = a.version.flatMap { x in b.version.flatMap { ecosystem.scheme.compare(x, $0) } }
                let kind: DependencyChange.Kind = order.map { $0 < 0 ? .upgraded : .downgraded } ?? .changed
                changes.append(DependencyChange(kind: kind, package: package, from: a.version ?? a.source.rawValue,
                                                to: b.version ?? b.source.rawValue))
            default:
                break
            }
        }
        return changes
    }
}
