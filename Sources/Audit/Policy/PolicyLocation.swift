import Foundation
import Manifest

/// Where the policy comes from: `--config FILE`, else `depwatch.toml` at the first scan root.
public enum PolicyLocation {
    /// The file name looked for at the scan root.
    public static let fileName = "depwatch.toml"

    /// The policy to use (an empty one when there is no file).
    public static func load(config: String?, roots: [String]) throws(AuditError) -> Policy {
        let path: String
        if let config {
            path = config
        } else {
            let root = roots.first ?? "."
            var isDirectory: ObjCBool = false
            let directory = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue
                ? root : PathName.directory(of: root)
            path = PathName.join(directory, fileName)
            guard FileManager.default.fileExists(atPath: path) else { return Policy() }
        }
        let text: String
        do {
            text = try ManifestFile.read(path)
        } catch {
            throw .policyUnreadable(path: path, reason: error.diagnostics.first?.message ?? "\(error)")
        }
        return try PolicyParser.parse(text, path: path)
    }
}
