import Foundation

/// Validates JSON documents against JSON schemas with Python's jsonschema (installed by scripts/setup).
public enum SchemaValidation {
    /// The validation errors of `document` against the schema at `schemaPath` (empty when valid).
    /// `draft` is `4` (SARIF 2.1.0's schema) or `2020` (OSV's, depwatch's own).
    public static func errors(of document: String, schemaPath: String, draft: Int) throws -> [String] {
        let directory = try TemporaryDirectory()
        let file = try directory.write("document.json", document)
        let validator = draft == 4 ? "Draft4Validator" : "Draft202012Validator"
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = sorted(jsonschema.\(validator)(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
            for e in errors[:20]: print("/".join(map(str, e.absolute_path)) + ": " + e.message[:300])
            """
        let result = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, schemaPath, file])
        if result.status != 0 { return ["validator failed: \(result.stderr)"] }
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
