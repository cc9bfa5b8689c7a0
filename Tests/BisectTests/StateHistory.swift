import DepwatchTestSupport
import Foundation
import Testing
@testable import Bisect

/// A dependency history for bisect scenarios: commit `i` writes `state` (good, bad, skip, hang…), a
/// counter file and an unchanging README, some commits are tagged, and a shell test reads the state from
/// `$DEPWATCH_SOURCE`.
struct StateHistory {
    let fixture: GitFixture
    /// The commit ids, oldest first.
    let commits: [String]

    /// `states[i]` is written by commit `i`; `tags[i]` tags it.
    init(_ states: [String], tags: [Int: String] = [:]) throws {
        fixture = try GitFixture()
        var commits: [String] = []
        for (index, state) in states.enumerated() {
            let date = String(format: "2021-01-%02dT10:00:00Z", 1 + index % 28)
            // README is the same in every commit: a file the moving checkout never needs to rewrite.
            commits.append(try fixture.commit("change \(index)", ["state": state + "\n", "n": "\(index)\n", "README": "pristine\n"], date: date))
            if let tag = tags[index] { try fixture.git("tag", tag) }
        }
        self.commits = commits
    }

    /// `count` commits, `bad` from `firstBad` on, with `overrides` (index → state).
    init(count: Int, firstBad: Int, overrides: [Int: String] = [:], tags: [Int: String] = [:]) throws {
        try self.init((0..<count).map { overrides[$0] ?? ($0 >= firstBad ? "bad" : "good") }, tags: tags)
    }

    /// A shell test: good → 0, skip → 125, `hang SECONDS` → sleeps that long (a distinct number finds the
    /// process), anything else → 1.
    static let exitCodeTest = TestCommand(["/bin/sh", "-c", """
        state=$(cat "$DEPWATCH_SOURCE/state")
        case "$state" in
          good) exit 0 ;;
          skip) exit 125 ;;
          hang*) exec sleep "${state#hang }" ;;
          *) exit 1 ;;
        esac
        """])!

    /// A request over the whole history: good at commit `good`, bad at commit `bad`.
    func request(good: Int, bad: Int, command: TestCommand = StateHistory.exitCodeTest) -> BisectRequest {
        BisectRequest(repository: fixture.path, good: commits[good], bad: commits[bad], command: command)
    }

    /// Every file below the fixture's directory (work tree and .git) with its content, to show nothing changed.
    func snapshot() throws -> [String: Data] {
        try Snapshot.files(below: fixture.directory.url.path)
    }
}
