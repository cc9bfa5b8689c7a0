import Core
import Scan

/// `depwatch.report/1` as JSON, keys sorted.
enum ScanReportJSON {
    static func render(_ report: ScanReport) throws -> String {
        try StreamingJSONEncoder.encode(report)
    }
}
