import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C interface, for the import's hot loop: GRDB's
/// argument arrays cost more than the inserts themselves. GRDB still prepares and owns the statement.
struct BoundStatement {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// A value to bind.
    enum Value {
        case text(String?)
        case utf8([UInt8])
        case integer(Int64)
    }

    /// Binds `values`, then calls `row` for every result row with SQLite's statement handle, for reading
    /// columns without building GRDB rows (`sqlite3_column_*`).
    func forEachRow(_ values: [Value], _ row: (OpaquePointer) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        defer { sqlite3_reset(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .text(nil): sqlite3_bind_null(handle, index)
            case .text(let text?): sqlite3_bind_text(handle, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            case .utf8: preconditionFailure("not used for queries")
            }
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try row(handle)
        }
    }

    /// The text of column `index` of the current row (`nil` for NULL).
    /// A column's bytes as they are stored (no UTF-8 check or String built: for a document a decoder reads
    /// as bytes anyway).
    static func bytes(_ handle: OpaquePointer, _ index: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index))))
    }

    static func text(_ handle: OpaquePointer, _ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
    }

    /// Binds `values` to the parameters in order and steps once; returns the first column of a row as
    /// integers when the statement yields one.
    @discardableResult
    func run(_ values: [Value]) throws -> [Int64]? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .text(nil): sqlite3_bind_null(handle, index)
            case .utf8(let bytes):
                let code = bytes.withUnsafeBytes { raw -> Int32 in
                    guard let base = raw.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, nil) }
                    return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                             unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
                if code != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            case .text(let text?):
                // SQLITE_TRANSIENT (-1): SQLite copies the text before this call returns.
                let code = text.utf8.withContiguousStorageIfAvailable { bytes in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                } ?? sqlite3_bind_text(handle, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                if code != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            }
        }
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW:
            return (0..<sqlite3_column_count(handle)).map { sqlite3_column_int64(handle, $0) }
        case SQLITE_DONE:
            return nil
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
