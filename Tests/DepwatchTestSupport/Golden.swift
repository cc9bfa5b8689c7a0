import Foundation

/// Golden files: expected output kept in the repository. With `DEPWATCH_RECORD=1` the actual output is
/// written to the golden file instead, and the comparison fails so that a recording never passes silently.
public enum Golden {
    /// Whether this run records.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["DEPWATCH_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name` of `target`; returns a failure message, or `nil` on a match.
    public static func mismatch(_ actual: String, golden name: String, target: String) throws -> String? {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/\(target)/Golden/\(name)")
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return "recorded \(url.path); run again without DEPWATCH_RECORD=1"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(url.path); record it with DEPWATCH_RECORD=1"
        }
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        return "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(re-record with DEPWATCH_RECORD=1)"
    }
}
