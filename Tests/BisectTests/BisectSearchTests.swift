import Testing
@testable import Bisect

/// The search alone: linear histories, skips, a merge, and contradicting verdicts.
@Suite struct BisectSearchTests {
    /// A linear history of `count` candidates (each the parent of the next).
    static func linear(_ count: Int) -> [[Int]] {
        (0..<count).map { $0 == 0 ? [] : [$0 - 1] }
    }

    /// Runs the search with candidates at or after `firstNew` in the new state; `skipped` are skipped.
    static func search(_ parents: [[Int]], isNew: (Int) -> Bool, skipped: Set<Int> = []) -> (outcome: BisectSearch.Outcome, tests: Int) {
        var search = BisectSearch(parents: parents)
        var tests = 0
        while true {
            let next = search.next
            guard case .test(let index) = next else { return (next, tests) }
            tests += 1
            if skipped.contains(index) { search.skip(index) } else { search.record(index, isNew: isNew(index)) }
            if tests > parents.count { Issue.record("the search does not end"); return (next, tests) }
        }
    }

    static func ceilLog2(_ n: Int) -> Int {
        var steps = 0
        while (1 << steps) < n { steps += 1 }
        return steps
    }

    @Test(arguments: [1, 2, 3, 5, 24, 100, 300])
    func everyAnswerOfALinearHistoryIsFoundInCeilLog2Steps(_ count: Int) {
        for answer in 0..<count {
            let (outcome, tests) = Self.search(Self.linear(count), isNew: { $0 >= answer })
            #expect(outcome == .found(answer))
            #expect(tests <= Self.ceilLog2(count), "answer \(answer) of \(count) took \(tests) tests")
        }
    }

    @Test func skippedCommitsAreRoutedAround() {
        // 24 candidates, the answer at 13; the natural midpoints are skipped.
        let (outcome, tests) = Self.search(Self.linear(24), isNew: { $0 >= 13 }, skipped: [11, 17, 6])
        #expect(outcome == .found(13))
        #expect(tests <= Self.ceilLog2(24) + 3)
    }

    @Test func skipsNextToTheAnswerMakeItAmbiguous() {
        // 12 and 13 cannot be judged and 11 is good: the first new one is 12, 13 or 14.
        let (outcome, _) = Self.search(Self.linear(20), isNew: { $0 >= 13 }, skipped: [12, 13])
        #expect(outcome == .ambiguous([12, 13, 14]))
    }

    @Test func aMergedBranchIsSearchedToo() {
        // 0 → 1 → 2 ─┐
        //   └→ 3 → 4 → 5 (merge of 2 and 4) → 6; the problem comes in at 3, on the side branch.
        let parents: [[Int]] = [[], [0], [1], [0], [3], [2, 4], [5]]
        let newOnes: Set<Int> = [3, 4, 5, 6]
        let (outcome, tests) = Self.search(parents, isNew: { newOnes.contains($0) })
        #expect(outcome == .found(3))
        #expect(tests <= 3)
    }

    @Test func contradictingVerdictsLeaveNothing() {
        var search = BisectSearch(parents: Self.linear(8))
        search.record(3, isNew: true)
        search.record(2, isNew: false)
        search.record(3, isNew: false)
        #expect(search.next == .ambiguous([]))
    }

    @Test func stepsLeftIsCeilLog2OfWhatRemains() {
        #expect(BisectSearch(parents: Self.linear(24)).stepsLeft == 5)
        #expect(BisectSearch(parents: Self.linear(1)).stepsLeft == 0)
    }
}
