/// The search over candidate commits, independent of git and of running anything.
///
/// Candidates are the commits after the old endpoint up to and including the new one (the new endpoint
/// last), each with its parents among the candidates. The answer is the first commit in the new state
/// (bad, for a regression). As git bisect does, each step tests the candidate that best halves what is
/// left: testing C in the new state keeps only C's ancestors; in the old state, drops them. On a linear
/// history that is binary search, ⌈log₂ n⌉ steps for n candidates. Skipped commits are routed around;
/// when only skipped commits are left beside the known-new one, the answer is ambiguous.
public struct BisectSearch: Sendable {
    /// How many candidates there are.
    public let count: Int
    private let ancestors: [BitSet]
    private var remaining: BitSet
    private var skipped = BitSet(capacity: 0)
    /// The newest candidate known to be in the new state (the new endpoint at first).
    private var knownNew: Int

    /// A search over candidates `0..<parents.count` in topological order (parents first), each with the
    /// indices of its parents among the candidates; the last candidate is the new endpoint.
    public init(parents: [[Int]]) {
        count = parents.count
        var ancestors: [BitSet] = []
        ancestors.reserveCapacity(count)
        for (index, own) in parents.enumerated() {
            var set = BitSet(capacity: count)
            set.insert(index)
            for parent in own where parent < index { set.formUnion(ancestors[parent]) }
            ancestors.append(set)
        }
        self.ancestors = ancestors
        remaining = BitSet(capacity: count)
        for index in 0..<count { remaining.insert(index) }
        skipped = BitSet(capacity: count)
        knownNew = count - 1
    }

    /// The outcome once no candidate is left to test.
    public enum Outcome: Sendable, Equatable {
        /// Still searching: test this candidate next.
        case test(Int)
        /// The first commit in the new state.
        case found(Int)
        /// Skipped commits make it impossible to say which of these (in candidate order) is first.
        case ambiguous([Int])
    }

    /// What to do next.
    public var next: Outcome {
        let total = remaining.count
        var best: (index: Int, score: Int)?
        for index in remaining.members where index != knownNew && !skipped.contains(index) {
            let below = ancestors[index].intersectionCount(remaining)
            let score = min(below, total - below)
            if best == nil || score > best!.score { best = (index, score) }
        }
        if let best { return .test(best.index) }
        let left = remaining.members
        return left.count == 1 ? .found(left[0]) : .ambiguous(left)
    }

    /// Records a verdict on `index` in the terms of the search (`isNew`: the state of the new endpoint).
    public mutating func record(_ index: Int, isNew: Bool) {
        if isNew {
            remaining.formIntersection(ancestors[index])
            knownNew = index
        } else {
            remaining.subtract(ancestors[index])
        }
    }

    /// Records that `index` could not be judged.
    public mutating func skip(_ index: Int) {
        skipped.insert(index)
    }

    /// How many candidates may still be the answer.
    public var remainingCount: Int { remaining.count }

    /// About how many more steps are needed: ⌈log₂ remaining⌉.
    public var stepsLeft: Int {
        var steps = 0
        while (1 << steps) < remaining.count { steps += 1 }
        return steps
    }
}

/// A fixed-size set of small integers, as machine words (ancestor sets of thousands of commits).
struct BitSet: Sendable, Equatable {
    private var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    func contains(_ member: Int) -> Bool {
        words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    mutating func insert(_ member: Int) {
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    mutating func formUnion(_ other: BitSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    mutating func formIntersection(_ other: BitSet) {
        for index in words.indices { words[index] &= other.words[index] }
    }

    mutating func subtract(_ other: BitSet) {
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    func intersectionCount(_ other: BitSet) -> Int {
        var total = 0
        for index in words.indices { total += (words[index] & other.words[index]).nonzeroBitCount }
        return total
    }

    /// The members, in increasing order.
    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                result.append(index * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }
}
