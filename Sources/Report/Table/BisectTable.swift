import Bisect
import Core
import Foundation

/// A bisection's result for people: the answer, how to narrow a release answer to a commit, every run.
enum BisectTable {
    /// The answer, then the table of every run and the total time; `narrowing` is the command that bisects
    /// the commits between a `--tags` answer and its neighbouring release.
    static func render(_ result: BisectResult, narrowing: String? = nil) -> String {
        var lines: [String] = []
        if let direction = result.direction, let good = result.good, let bad = result.bad {
            let what = direction == .regression ? "the first bad commit after good" : "the first good commit after bad"
            let (older, newer) = direction == .regression ? (good, bad) : (bad, good)
            lines.append("\(direction == .regression ? "Regression" : "Fix"): \(what) \(name(older)), up to \(name(newer)); "
                + "\(result.candidates) candidate\(result.candidates == 1 ? "" : "s"), about \(result.expectedSteps) step\(result.expectedSteps == 1 ? "" : "s").")
        }
        lines += answer(result)
        if result.unit == .release, result.status == .found, let narrowing, let commit = result.commit, let neighbour = result.neighbour {
            lines.append("")
            lines.append("The change is one of the commits after \(neighbour.tag ?? neighbour.version) up to \(commit.tag ?? commit.version); "
                         + "to find the commit, bisect them:")
            lines.append("  \(narrowing)")
        }
        if !result.runs.isEmpty {
            lines.append("")
            lines.append("Runs:")
            lines += table(result.runs)
        }
        lines.append("")
        lines.append("\(result.runs.count) run\(result.runs.count == 1 ? "" : "s") in \(String(format: "%.1f", result.seconds)) s.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func answer(_ result: BisectResult) -> [String] {
        let which = result.direction == .fix ? "First good commit (the fix)" : "First bad commit"
        switch result.status {
        case .found where result.unit == .release:
            guard let commit = result.commit else { return [] }
            let which = result.direction == .fix ? "First good release" : "First bad release"
            return ["", "\(which): \(commit.tag ?? commit.version) (\(commit.shortID))", "  \(commit.summary)", "  date     \(commit.date)",
                    "  commit   \(commit.id)"]
        case .found:
            guard let commit = result.commit else { return [] }
            return ["", "\(which): \(commit.id)", "  \(commit.summary)", "  date     \(commit.date)",
                    "  tag      \(commit.tag.map { "\($0) (the earliest release that contains it)" } ?? "none yet (no release contains it)")",
                    "  version  \(commit.version)"]
        case .ambiguous:
            return ["", "Ambiguous: skipped commits leave \(result.possibleCommits.count) candidates for the \(which.lowercased()):"]
                + result.possibleCommits.map { "  \($0.shortID) \($0.version)  \($0.summary)" }
        case .failed, .interrupted:
            return ["", "\(result.status == .interrupted ? "Interrupted" : "Failed"): \(result.error ?? "")"]
        }
    }

    private static func name(_ commit: CommitInfo) -> String {
        "\(commit.version) (\(commit.shortID))"
    }

    private static func table(_ runs: [BisectResult.Run]) -> [String] {
        let header = ["STEP", "COMMIT", "VERSION", "RUN", "VALUE", "VERDICT", "ENDED", "SECONDS"]
        let rows = runs.map { run in
            [run.step, String(run.commit.prefix(12)), run.version, String(run.run), run.value.map(Judge.format) ?? "-",
             run.verdict?.rawValue ?? "-", run.ended, String(format: "%.2f", run.seconds)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.map { "  " + $0 }
    }
}
