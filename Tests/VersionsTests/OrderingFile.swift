import DepwatchTestSupport
import Testing
import Foundation

/// One line of an ordering file: `a < b` or `a == b`.
struct Ordering: CustomTestStringConvertible, Sendable {
    var lhs: String
    var relation: String
    var rhs: String
    var line: Int

    var testDescription: String { "line \(line): \(lhs) \(relation) \(rhs)" }

    /// The relations in `Orderings/<name>`, skipping `#` comments and blank lines.
    static func load(_ name: String) -> [Ordering] {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/VersionsTests/Orderings/\(name)")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, !line.hasPrefix("#") else { return nil }
            return Ordering(lhs: String(fields[0]), relation: String(fields[1]), rhs: String(fields[2]), line: index + 1)
        }
    }
}
