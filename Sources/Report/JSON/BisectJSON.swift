import Bisect
import Core

/// `depwatch.bisect/1`: the result's model, keys sorted so the output is stable.
enum BisectJSON {
    static func render(_ result: BisectResult) throws -> String {
        try StreamingJSONEncoder.encode(result)
    }
}
