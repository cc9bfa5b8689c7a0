import Core
import Advisories
import Manifest

/// Applies a policy to findings: ignores (unless expired) mark findings ignored; denied packages become
/// findings of kind `policy`; expired and unused ignores are reported as warnings.
enum PolicyApplication {
    /// Marks the ignored findings of `matches` and returns the findings of denied packages and the
    /// warnings about the ignores themselves.
    static func apply(_ policy: Policy, to matches: inout [ManifestMatches], inventory: Inventory, today: String) -> (denied: [Finding], warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let path = policy.path ?? "depwatch.toml"
        for ignore in policy.ignores {
            if let until = ignore.until, until < today {
                warnings.append(Diagnostic(.warning, .expiredIgnore, path: path, line: ignore.line, column: nil,
                    message: "expired-ignore: the ignore of \(ignore.id) ended on \(until); it no longer applies (renew it or fix the finding)"))
                continue
            }
            var used = false
            for m in matches.indices {
                for p in matches[m].packages.indices {
                    for f in matches[m].packages[p].findings.indices where Self.matches(ignore, matches[m].packages[p].findings[f]) {
                        matches[m].packages[p].findings[f].ignored = true
                        matches[m].packages[p].findings[f].ignoreReason = ignore.reason
                        used = true
                    }
                }
            }
            if !used {
                warnings.append(Diagnostic(.warning, .unusedIgnore, path: path, line: ignore.line, column: nil,
                    message: "unused-ignore: the ignore of \(ignore.id) matched no finding; remove it"))
            }
        }
        return (denied(policy, inventory: inventory), warnings)
    }

    private static func matches(_ ignore: Policy.Ignore, _ finding: Finding) -> Bool {
        guard finding.kind != .policy, finding.id == ignore.id || finding.aliases.contains(ignore.id) else { return false }
        guard let package = ignore.package else { return true }
        return package == finding.package || SwiftPackageLocation.normalize(package) == finding.package
    }

    private static func denied(_ policy: Policy, inventory: Inventory) -> [Finding] {
        var findings: [Finding] = []
        for deny in policy.denies {
            for manifest in inventory.manifests {
                let ecosystem = manifest.ecosystem
                let wanted = ecosystem == .swift ? SwiftPackageLocation.normalize(deny.package) : deny.package
                for dependency in manifest.dependencies where dependency.package == wanted {
                    if let range = deny.versions {
                        guard let version = dependency.version, range.contains(version, scheme: ecosystem.scheme) == true else { continue }
                    }
                    findings.append(Finding(
                        id: "deny:\(dependency.package)", aliases: [], kind: .policy, severity: deny.severity,
                        summary: "denied by policy: \(deny.reason)" + (deny.versions.map { " (versions \($0))" } ?? ""),
                        ecosystem: manifest.ecosystem, package: dependency.package, version: dependency.version ?? "",
                        direct: dependency.direct, manifest: manifest.path, line: dependency.line, file: dependency.file,
                        fixed: nil, confidence: .high, confidenceReason: nil, ignored: false, ignoreReason: nil,
                        url: nil, details: "\(policy.path ?? "depwatch.toml"):\(deny.line): \(deny.reason)"))
                }
            }
        }
        return findings
    }
}
