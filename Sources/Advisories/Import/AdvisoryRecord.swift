import Core

/// What the store keeps of one advisory: the raw JSON and the fields its indexes and reports need.
struct AdvisoryRecord: Sendable {
    var id: String
    var modified: String
    var modifiedKey: Int64
    var published: String?
    var withdrawn: String?
    var summary: String?
    var aliases: [String] = []
    var packages: [OSVPackage] = []
    var kind: AdvisoryKind = .security
    var severity: Severity = .unknown
    /// The document's bytes, valid UTF-8, stored as they came.
    var raw: [UInt8]
}

/// Reads an OSV document into an `AdvisoryRecord`, validating the whole document as JSON and the fields
/// depwatch relies on as OSV, without decoding the rest.
enum OSVRecordScanner {
    /// Why a document is not a usable OSV advisory, with its 1-based line and column.
    struct Invalid: Error, Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The record of `bytes`, or the first problem in them.
    static func record(_ bytes: [UInt8]) throws(Invalid) -> AdvisoryRecord {
        do {
            return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONCursor.Failure) -> AdvisoryRecord in
                var cursor = JSONCursor(buffer)
                var fields = Fields()
                try cursor.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in try fields.read(key, &c) }
                try cursor.expectEnd()
                guard Self.isUTF8(buffer) else { throw JSONCursor.Failure(message: "not UTF-8 text", offset: 0) }
                return try fields.record(raw: bytes)
            }
        } catch {
            let (line, column) = position(of: error.offset, in: bytes)
            throw Invalid(line: line, column: column, message: error.message)
        }
    }

    /// Whether `bytes` are valid UTF-8 (ASCII, the common case, is checked without decoding).
    private static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80 || String(validating: bytes, as: UTF8.self) != nil
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The top-level members depwatch reads.
    private struct Fields {
        var id: String?
        var idOffset = 0
        var modified: String?
        var published: String?
        var withdrawn: String?
        var summary: String?
        var aliases: [String] = []
        var packages: [OSVPackage] = []
        var vectors: [String] = []
        var severityLabel: String?
        var kind: String?

        mutating func read(_ key: String, _ c: inout JSONCursor) throws(JSONCursor.Failure) {
            switch key {
            case "id":
                _ = try c.peek()   // past the whitespace: where the id's string starts, for its error
                idOffset = c.index
                id = try c.string()
            case "modified": modified = try c.string()
            case "published": published = try c.optionalString()
            case "withdrawn": withdrawn = try c.optionalString()
            case "summary": summary = try c.optionalString()
            case "aliases": aliases = try c.strings()
            case "severity": try severities(&c)
            case "affected": try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in try affected(&c) }
            case "database_specific": try databaseSpecific(&c)
            default: try c.skip()
            }
        }

        private mutating func severities(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
            vectors += try OSVSeverity.list(&c).filter { $0.type == "CVSS_V3" }.map(\.score)
        }

        private mutating func affected(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
            try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                switch key {
                case "package":
                    let fields = try OSVPackage.fields(&c)
                    if let ecosystem = fields.ecosystem, let name = fields.name { packages.append(OSVPackage(ecosystem: ecosystem, name: name)) }
                case "severity": try severities(&c)
                default: try c.skip()
                }
            }
        }

        private mutating func databaseSpecific(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
            guard try c.peek() == UInt8(ascii: "{") else { return try c.skip() }
            try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                switch key {
                case "severity" where try c.peek() == UInt8(ascii: "\""): severityLabel = try c.string()
                case "depwatch" where try c.peek() == UInt8(ascii: "{"):
                    try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                        if key == "kind" { kind = try c.string() } else { try c.skip() }
                    }
                default: try c.skip()
                }
            }
        }

        func record(raw: [UInt8]) throws(JSONCursor.Failure) -> AdvisoryRecord {
            guard let id, !id.isEmpty else { throw JSONCursor.Failure(message: "no \"id\": not an OSV advisory", offset: 0) }
            if let problem = AdvisoryID.problem(id) { throw JSONCursor.Failure(message: problem, offset: idOffset) }
            guard let modified else { throw JSONCursor.Failure(message: "no \"modified\": not an OSV advisory", offset: 0) }
            guard let key = Timestamp.microseconds(modified) else {
                throw JSONCursor.Failure(message: "\"modified\" is not an RFC 3339 time: \(modified)", offset: 0)
            }
            var record = AdvisoryRecord(id: id, modified: modified, modifiedKey: key, published: published,
                                        withdrawn: withdrawn, summary: summary, aliases: aliases, packages: packages, raw: raw)
            if let kind {
                guard let parsed = AdvisoryKind(rawValue: kind), parsed != .policy else {
                    throw JSONCursor.Failure(message: "unknown database_specific.depwatch.kind \"\(kind)\"; expected one of "
                                             + AdvisoryKind.recordable.map(\.rawValue).joined(separator: ", "), offset: 0)
                }
                record.kind = parsed
            }
            record.severity = Severity(cvssV3Vectors: vectors, label: severityLabel)
            return record
        }
    }
}
