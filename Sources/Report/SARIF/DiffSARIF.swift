import Audit
import Diff

/// `depwatch diff --format sarif`: the audit's SARIF of what the change introduces (code scanning then
/// shows the pull request's own problems).
enum DiffSARIF {
    static func bytes(_ result: DiffResult) -> [UInt8] {
        var audit = result.headAudit
        audit.findings = result.manifests.flatMap(\.introduced)
        return AuditSARIF.bytes(audit)
    }
}
