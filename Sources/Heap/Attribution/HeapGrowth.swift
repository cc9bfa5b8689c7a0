/// How a process's heap grew between snapshots: each holder's and each function's value at every
/// snapshot, what grew and by how much, and which grew in every step — how a leak looks when no advisory
/// names it yet.
public struct HeapGrowth: Sendable {
    /// One name's values, a value per snapshot (0 where it did not appear).
    public struct Series: Sendable {
        /// The holder's or the function's name.
        public var name: String
        /// Its value at each snapshot, oldest first.
        public var values: [Int64]

        /// The last value minus the first.
        public var growth: Int64 { (values.last ?? 0) - (values.first ?? 0) }
        /// The growth relative to the first value; `nil` when that was 0.
        public var relative: Double? {
            guard let first = values.first, first != 0 else { return nil }
            return Double(growth) / Double(first)
        }
        /// Whether it grew from every snapshot to the next (never with a single snapshot).
        public var grewEveryStep: Bool {
            values.count > 1 && zip(values, values.dropFirst()).allSatisfy { $1 > $0 }
        }
    }

    /// One holder's growth and its functions'.
    public struct Holder: Sendable {
        /// Who holds it (as in the last snapshot it appeared in).
        public var holder: HeapAttribution.Holder
        /// Its values.
        public var series: Series
        /// Its functions, most grown first.
        public var functions: [Series]
    }

    /// The sample type and view every snapshot was attributed with.
    public var sample: HeapProfile.SampleType, view: HeapAttribution.View
    /// The profiles' totals, oldest first.
    public var totals: [Int64]
    /// Every holder, most grown first (ties by name).
    public var holders: [Holder]

    /// The growth across `snapshots`, oldest first, each attributed the same way.
    public init(_ snapshots: [HeapAttribution]) {
        precondition(!snapshots.isEmpty, "growth needs a snapshot")
        sample = snapshots[0].sample
        view = snapshots[0].view
        totals = snapshots.map(\.total)
        var holders: [String: (HeapAttribution.Holder, [Int64], [String: [Int64]])] = [:]
        for (step, snapshot) in snapshots.enumerated() {
            for share in snapshot.shares {
                var entry = holders[share.holder.name] ?? (share.holder, Array(repeating: 0, count: snapshots.count), [:])
                entry.0 = share.holder
                entry.1[step] = share.value
                for function in share.functions {
                    entry.2[function.name, default: Array(repeating: 0, count: snapshots.count)][step] = function.value
                }
                holders[share.holder.name] = entry
            }
        }
        self.holders = holders.map { name, entry in
            Holder(holder: entry.0, series: Series(name: name, values: entry.1),
                   functions: entry.2.map { Series(name: $0.key, values: $0.value) }.sorted(by: Self.mostGrown))
        }.sorted { Self.mostGrown($0.series, $1.series) }
    }

    /// Larger growth first, then by name.
    static func mostGrown(_ a: Series, _ b: Series) -> Bool {
        a.growth != b.growth ? a.growth > b.growth : a.name < b.name
    }
}
