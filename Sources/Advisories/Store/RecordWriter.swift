import GRDB

/// Writes advisory records inside an open write transaction: inserts a new id, replaces an older
/// `modified`, leaves an equal one alone and never lets an older one overwrite a newer.
struct RecordWriter {
    /// What happened to one record.
    enum Outcome {
        case inserted, updated, unchanged, older
    }

    private let db: Database
    private let source: String
    private let curated: Bool
    private let lookup: Statement
    private let insert: Statement
    private let update: Statement
    private let deletePackages: Statement
    private let deleteAliases: Statement
    private let insertPackage: Statement
    private let insertAlias: Statement

    init(_ db: Database, source: String, curated: Bool) throws {
        self.db = db
        self.source = source
        self.curated = curated
        lookup = try db.makeStatement(sql: "SELECT rowid, modified_key FROM advisory WHERE id = ?")
        insert = try db.makeStatement(sql: """
            INSERT INTO advisory (id, modified, modified_key, published, withdrawn, summary, kind, severity, source, curated, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        update = try db.makeStatement(sql: """
            UPDATE advisory SET modified = ?, modified_key = ?, published = ?, withdrawn = ?, summary = ?, kind = ?,
                severity = ?, source = ?, curated = ?, raw = ? WHERE rowid = ?
            """)
        deletePackages = try db.makeStatement(sql: "DELETE FROM affected_package WHERE advisory = ?")
        deleteAliases = try db.makeStatement(sql: "DELETE FROM alias WHERE advisory = ?")
        insertPackage = try db.makeStatement(sql: "INSERT INTO affected_package (advisory, family, ecosystem, name, key) VALUES (?, ?, ?, ?, ?)")
        insertAlias = try db.makeStatement(sql: "INSERT INTO alias (advisory, alias) VALUES (?, ?)")
    }

    /// Stores `record` if it is new or newer than the stored one.
    mutating func write(_ record: AdvisoryRecord) throws -> Outcome {
        let existing = try Row.fetchOne(lookup, arguments: [record.id])
        let rowID: Int64
        let outcome: Outcome
        if let existing {
            let storedKey: Int64 = existing["modified_key"]
            if record.modifiedKey < storedKey { return .older }
            if record.modifiedKey == storedKey { return .unchanged }
            rowID = existing["rowid"]
            try update.execute(arguments: [record.modified, record.modifiedKey, record.published, record.withdrawn,
                                           record.summary, record.kind.rawValue, record.severity.rawValue, source,
                                           curated, record.raw, rowID])
            try deletePackages.execute(arguments: [rowID])
            try deleteAliases.execute(arguments: [rowID])
            outcome = .updated
        } else {
            try insert.execute(arguments: [record.id, record.modified, record.modifiedKey, record.published, record.withdrawn,
                                           record.summary, record.kind.rawValue, record.severity.rawValue, source, curated,
                                           record.raw])
            rowID = db.lastInsertedRowID
            outcome = .inserted
        }
        for package in record.packages {
            let family = EcosystemFamily(osvEcosystem: package.ecosystem)
            try insertPackage.execute(arguments: [rowID, family?.rawValue, package.ecosystem, package.name,
                                                  family?.key(forAdvisoryName: package.name)])
        }
        for alias in Set(record.aliases) {
            try insertAlias.execute(arguments: [rowID, alias])
        }
        return outcome
    }
}
