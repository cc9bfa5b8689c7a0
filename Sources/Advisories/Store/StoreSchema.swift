import GRDB

/// The advisory database's schema, as GRDB migrations. Each advisory's raw OSV JSON is kept; the other
/// tables index it so that "which advisories name this package" is one index lookup.
enum StoreSchema {
    /// `PRAGMA application_id` of depwatch's databases ("DPWT"), so that a foreign file is recognized.
    static let applicationID: Int32 = 0x4450_5754

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE advisory (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    modified TEXT NOT NULL,
                    modified_key INTEGER NOT NULL,
                    published TEXT,
                    withdrawn TEXT,
                    summary TEXT,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    source TEXT NOT NULL,
                    curated INTEGER NOT NULL,
                    raw TEXT NOT NULL
                );
                CREATE TABLE affected_package (
                    advisory INTEGER NOT NULL REFERENCES advisory(rowid) ON DELETE CASCADE,
                    family TEXT,
                    ecosystem TEXT NOT NULL,
                    name TEXT NOT NULL,
                    key TEXT
                );
                CREATE INDEX affected_package_lookup ON affected_package(family, key);
                CREATE INDEX affected_package_advisory ON affected_package(advisory);
                CREATE TABLE alias (
                    advisory INTEGER NOT NULL REFERENCES advisory(rowid) ON DELETE CASCADE,
                    alias TEXT NOT NULL
                );
                CREATE INDEX alias_alias ON alias(alias);
                CREATE INDEX alias_advisory ON alias(advisory);
                CREATE TABLE import_run (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    files INTEGER NOT NULL,
                    inserted INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL,
                    older INTEGER NOT NULL,
                    invalid INTEGER NOT NULL
                );
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2: covering package index") { db in
            // Audits of large trees read every (key, advisory) of a family; with the advisory in the index
            // that is a scan of the index alone.
            try db.execute(sql: """
                DROP INDEX affected_package_lookup;
                CREATE INDEX affected_package_lookup ON affected_package(family, key, advisory);
                """)
        }
        return migrator
    }
}
