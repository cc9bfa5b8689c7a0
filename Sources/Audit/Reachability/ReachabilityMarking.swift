import Advisories
import Core
import Manifest

/// Gives Go findings their reachability: of a binary, from its functions (read once per binary); of a
/// source module, from the packages it imports (`imported`, when listed). Each finding's advisory (with
/// the advisories it is grouped with) says which packages and symbols hold the problem for its module.
enum ReachabilityMarking {
    static func mark(_ findings: inout [Finding], inventory: Inventory, advisories: AdvisorySnapshot, imported: [String: Set<String>] = [:]) {
        let binaries = Set(inventory.manifests.filter { $0.binary != nil }.map(\.path))
        guard !binaries.isEmpty || !imported.isEmpty else { return }
        // Each finding's imports first: a binary's functions are read only for the packages they name.
        let imports = findings.map { finding -> [OSVImport] in
            guard finding.ecosystem == .go, binaries.contains(finding.manifest) || imported[finding.manifest] != nil else { return [] }
            let ids = Set([finding.id] + finding.aliases)
            return advisories.naming(finding.package, .go).filter { ids.contains($0.id) }.flatMap { matched in
                matched.stored.advisory.affected.filter { $0.package.name == finding.package }.flatMap(\.imports)
            }
        }
        var wanted: [String: Set<String>] = [:]
        for (finding, entries) in zip(findings, imports) where binaries.contains(finding.manifest) {
            wanted[finding.manifest, default: []].formUnion(entries.map(\.path))
        }
        let paths = binaries.sorted(), packages = wanted
        let read = paths.concurrentMap { BuiltCode.binary(at: $0, packages: packages[$0] ?? []) }
        var code: [String: BuiltCode] = imported.mapValues { BuiltCode(packages: $0) }
        for (path, built) in zip(paths, read) { code[path] = built }
        for index in findings.indices where findings[index].ecosystem == .go {
            guard let built = code[findings[index].manifest] else { continue }
            findings[index].reachability = ReachabilityAnalysis.reachability(of: imports[index], in: built)
        }
    }
}
