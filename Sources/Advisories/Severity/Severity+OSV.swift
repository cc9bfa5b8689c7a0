import Core

extension Severity {
    /// The severity of an advisory: the highest CVSS v3 base score among its vectors (advisory- and
    /// package-level), else `database_specific.severity`, else `unknown`.
    public init(of advisory: OSVAdvisory) {
        let vectors = (advisory.severity ?? []) + advisory.affected.flatMap { $0.severity ?? [] }
        self.init(cvssV3Vectors: vectors.filter { $0.type == "CVSS_V3" }.map(\.score), label: advisory.databaseSpecific?.severity)
    }

    /// The highest base score among `cvssV3Vectors`, else the source's `label`, else `unknown`.
    public init(cvssV3Vectors: [String], label: String?) {
        if let best = cvssV3Vectors.compactMap({ CVSSv3(vector: $0)?.baseScore }).max() {
            self.init(score: best)
        } else {
            self = label.flatMap(Severity.init(label:)) ?? .unknown
        }
    }
}
