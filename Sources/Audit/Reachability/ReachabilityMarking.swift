import Core
import Manifest

/// Gives Go findings their reachability: of a binary, from its functions (read once per binary); of a
/// source module, from the packages it imports (`imported`, when listed). Each finding's advisory (with
/// the advisories it is grouped with) says which packages and symbols hold the problem for its module.
enum ReachabilityMarking {
    static func mark(_ findings: inout [Finding], inventory: Inventory, advisories: AdvisorySnapshot, imported: [String: Set<String>] = [:]) {
        let binaries = inventory.manifests.filter { $0.binary != nil }.map(\.path)
        guard !binaries.isEmpty || !imported.isEmpty else { return }
        let read = binaries.concurrentMap { BuiltCode.binary(at: $0) }
        var code: [String: BuiltCode] = imported.mapValues { BuiltCode(packages: $0) }
        for (path, built) in zip(binaries, read) { code[path] = built }
        for index in findings.indices where findings[index].ecosystem == .go {
            guard let built = code[findings[index].manifest] else { continue }
            let finding = findings[index]
            let ids = Set([finding.id] + finding.aliases)
            let imports = advisories.naming(finding.package, .go).filter { ids.contains($0.id) }.flatMap { matched in
                matched.stored.advisory.affected.filter { $0.package.name == finding.package }.flatMap(\.imports)
            }
            findings[index].reachability = ReachabilityAnalysis.reachability(of: imports, in: built)
        }
    }
}
