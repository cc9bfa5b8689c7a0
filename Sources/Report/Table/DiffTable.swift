import Core
import Diff

/// `depwatch diff` for people: each changed manifest with its dependency changes and findings.
enum DiffTable {
    static func render(_ r: DiffResult) -> String {
        var out = "\(r.base) (\(r.baseCommit.prefix(12))) → \(r.head.map { "\($0) (\(r.headCommit?.prefix(12) ?? ""))" } ?? "work tree")\n\n"
        for m in r.manifests where m.status != .unchanged || !m.existing.isEmpty {
            out += "\(m.path)  \(m.status.rawValue)" + (m.movedFrom.map { " from \($0)" } ?? "") + "\n"
            for c in m.changes {
                out += "  \(c.kind.rawValue.padding(10)) \(c.package)  \(c.from ?? "")\(c.from != nil && c.to != nil ? " -> " : "")\(c.to ?? "")\n"
            }
            for f in m.introduced { out += "  INTRODUCED \(f.severity.rawValue.uppercased()) \(f.id) \(f.package)@\(f.version): \(f.summary)\(f.ignored ? " (ignored)" : "")\n" }
            for f in m.fixed { out += "  fixed      \(f.id) \(f.package)@\(f.version)\n" }
            if !m.existing.isEmpty { out += "  \(m.existing.count) finding(s) already at the base\n" }
            out += "\n"
        }
        if r.requireVetting, !r.unvetted.isEmpty {
            out += "Not vetted (vetting is required; record a review with depwatch vet PACKAGE@VERSION --reason …)\n"
            for u in r.unvetted { out += "  \(u.package)@\(u.version ?? "?")  (\(u.manifest))\n" }
            out += "\n"
        }
        let introduced = r.manifests.flatMap(\.introduced).count, fixed = r.manifests.flatMap(\.fixed).count
        out += "\(introduced) introduced, \(fixed) fixed, \(r.manifests.flatMap(\.existing).count) already there; "
            + "\(r.failing.count) at or above fail-on \(r.headAudit.failOn.rawValue)\n"
        return out
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
