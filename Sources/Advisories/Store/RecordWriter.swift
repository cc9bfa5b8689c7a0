import Core
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
    private let lookup: BoundStatement
    private let insert: BoundStatement
    private let update: BoundStatement
    private let deletePackages: BoundStatement
    private let deleteAliases: BoundStatement
    private let insertPackage: BoundStatement
    private let insertAlias: BoundStatement

    init(_ db: Database, source: String, curated: Bool) throws {
        self.db = db
        self.source = source
        self.curated = curated
        lookup = try BoundStatement(db, "SELECT rowid, modified_key FROM advisory WHERE id = ?")
        insert = try BoundStatement(db, """
            INSERT INTO advisory (id, modified, modified_key, published, withdrawn, summary, kind, severity, source, curated, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        update = try BoundStatement(db, """
            UPDATE advisory SET modified = ?, modified_key = ?, published = ?, withdrawn = ?, summary = ?, kind = ?,
                severity = ?, source = ?, curated = ?, raw = ? WHERE rowid = ?
            """)
        deletePackages = try BoundStatement(db, "DELETE FROM affected_package WHERE advisory = ?")
        deleteAliases = try BoundStatement(db, "DELETE FROM alias WHERE advisory = ?")
        insertPackage = try BoundStatement(db, "INSERT INTO affected_package (advisory, family, ecosystem, name, key) VALUES (?, ?, ?, ?, ?)")
        insertAlias = try BoundStatement(db, "INSERT INTO alias (advisory, alias) VALUES (?, ?)")
    }

    /// Stores `record` if it is new or newer than the stored one.
    mutating func write(_ record: AdvisoryRecord) throws -> Outcome {
        let rowID: Int64
        let outcome: Outcome
        let fields: [BoundStatement.Value] = [
            .text(record.modified), .integer(record.modifiedKey), .text(record.published), .text(record.withdrawn),
            .text(record.summary), .text(record.kind.rawValue), .text(record.severity.rawValue), .text(source),
            .integer(curated ? 1 : 0), .utf8(record.raw),
        ]
        if let existing = try lookup.run([.text(record.id)]) {
            if record.modifiedKey < existing[1] { return .older }
            if record.modifiedKey == existing[1] { return .unchanged }
            rowID = existing[0]
            try update.run(fields + [.integer(rowID)])
            try deletePackages.run([.integer(rowID)])
            try deleteAliases.run([.integer(rowID)])
            outcome = .updated
        } else {
            try insert.run([.text(record.id)] + fields)
            rowID = db.lastInsertedRowID
            outcome = .inserted
        }
        for package in record.packages {
            let ecosystem = Ecosystem(osvEcosystem: package.ecosystem)
            try insertPackage.run([.integer(rowID), .text(ecosystem?.storedFamily), .text(package.ecosystem), .text(package.name),
                                   .text(ecosystem?.key(forAdvisoryName: package.name))])
        }
        for alias in Set(record.aliases) {
            try insertAlias.run([.integer(rowID), .text(alias)])
        }
        return outcome
    }
}
