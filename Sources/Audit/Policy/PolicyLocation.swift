import Foundation
import Manifest

/// Where the policy comes from: `--config FILE`, else `depwatch.toml` at the first scan root.
public enum PolicyLocation {
    /// The file name looked for at the scan root.
    public static let fileName = "depwatch.toml"

    /// The policy to use (an empty one when there is no file): `config` from the file system, else the
    /// file at the first root of `source`.
    public static func load(config: String?, roots: [String], source: any ManifestSource = FileSystemSource()) throws(AuditError) -> Policy {
        if let config { return try load(config, from: FileSystemSource()) }
        let root = roots.first ?? "."
        let path = PathName.join(source.item(at: root) == .directory ? root : PathName.directory(of: root), fileName)
        guard source.exists(path) else { return Policy() }
        return try load(path, from: source)
    }

    private static func load(_ path: String, from source: any ManifestSource) throws(AuditError) -> Policy {
        try PolicyParser.parse(text(of: path, from: source), path: source.displayPath(path))
    }

    /// The text of a TOML file depwatch reads (the policy, the vetting records) from `source`; a file that
    /// cannot be read is `policyUnreadable`, named by the source's display path.
    static func text(of path: String, from source: any ManifestSource) throws(AuditError) -> String {
        do {
            return try source.text(path)
        } catch {
            throw .policyUnreadable(path: source.displayPath(path), reason: error.diagnostics.first?.message ?? "\(error)")
        }
    }
}
