import GRDB

/// What the database holds.
public struct StoreStats: Sendable, Hashable {
    /// A count under a name.
    public struct Count: Sendable, Hashable {
        /// The ecosystem or source.
        public var name: String
        /// How many advisories.
        public var advisories: Int
    }

    /// The last import.
    public struct LastImport: Sendable, Hashable {
        /// The paths imported.
        public var source: String
        /// When it finished.
        public var finishedAt: String
        /// Advisories inserted and updated.
        public var inserted: Int
        public var updated: Int
        /// Documents that were not usable.
        public var invalid: Int
    }

    /// All advisories.
    public var advisories: Int
    /// Withdrawn ones (they never match).
    public var withdrawn: Int
    /// Advisories per OSV ecosystem named in `affected`.
    public var ecosystems: [Count]
    /// Advisories per source.
    public var sources: [Count]
    /// The most recent import, if any.
    public var lastImport: LastImport?
}

extension AdvisoryStore {
    /// Counts per ecosystem and source, and the last import.
    public func stats() throws(AdvisoryStoreError) -> StoreStats {
        try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM advisory") ?? 0
            let withdrawn = try Int.fetchOne(db, sql: "SELECT count(*) FROM advisory WHERE withdrawn IS NOT NULL") ?? 0
            let ecosystems = try Row.fetchAll(db, sql: """
                SELECT ecosystem, count(DISTINCT advisory) AS n FROM affected_package GROUP BY ecosystem ORDER BY n DESC, ecosystem
                """).map { StoreStats.Count(name: $0["ecosystem"], advisories: $0["n"]) }
            let sources = try Row.fetchAll(db, sql: "SELECT source, count(*) AS n FROM advisory GROUP BY source ORDER BY n DESC, source")
                .map { StoreStats.Count(name: $0["source"], advisories: $0["n"]) }
            let last = try Row.fetchOne(db, sql: "SELECT * FROM import_run ORDER BY id DESC LIMIT 1").map {
                StoreStats.LastImport(source: $0["source"], finishedAt: $0["finished_at"], inserted: $0["inserted"],
                                      updated: $0["updated"], invalid: $0["invalid"])
            }
            return StoreStats(advisories: total, withdrawn: withdrawn, ecosystems: ecosystems, sources: sources, lastImport: last)
        }
    }

    /// The number of stored advisories.
    public func count() throws(AdvisoryStoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM advisory") ?? 0 }
    }

    /// The ids of the advisories that share an alias with `id` (or are its aliases), `id` excluded.
    public func aliases(of id: String) throws(AdvisoryStoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT a.id FROM advisory a JOIN alias x ON x.advisory = a.rowid
                WHERE x.alias = ? OR x.alias IN (SELECT y.alias FROM alias y JOIN advisory b ON b.rowid = y.advisory WHERE b.id = ?)
                UNION SELECT y.alias FROM alias y JOIN advisory b ON b.rowid = y.advisory WHERE b.id = ?
                """, arguments: [id, id, id]).filter { $0 != id }.sorted()
        }
    }
}
