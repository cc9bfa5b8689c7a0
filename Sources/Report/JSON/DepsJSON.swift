import Core

/// `depwatch.deps/1`: the report's model, keys sorted.
enum DepsJSON {
    static func render(_ report: DepsReport) throws -> String {
        try StreamingJSONEncoder.encode(report)
    }
}
