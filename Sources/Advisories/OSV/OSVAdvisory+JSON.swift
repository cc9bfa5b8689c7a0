import Core

/// Reading OSV JSON into `OSVAdvisory` with the validating byte-level `JSONCursor`: a store query decodes
/// thousands of advisories, and Foundation's JSONDecoder is eight times slower (BENCHMARKS.md).
extension OSVAdvisory {
    /// Why a document is not an OSV advisory.
    public struct DecodingError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The byte offset.
        public var offset: Int
        /// `message at byte offset`.
        public var description: String { "\(message) at byte \(offset)" }
    }

    /// Decodes the OSV document `json`.
    public init(json: String) throws(DecodingError) {
        try self.init(bytes: Array(json.utf8))
    }

    /// Decodes the OSV document in `bytes`.
    public init(bytes: [UInt8]) throws(DecodingError) {
        do {
            self = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONCursor.Failure) -> OSVAdvisory in
                var cursor = JSONCursor(buffer)
                let advisory = try OSVAdvisory(&cursor)
                try cursor.expectEnd()
                return advisory
            }
        } catch {
            throw DecodingError(message: error.message, offset: error.offset)
        }
    }

    private init(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
        var id: String?, modified: String?
        var advisory = OSVAdvisory(id: "", modified: "")
        try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
            switch key {
            case "schema_version": advisory.schemaVersion = try c.optionalString()
            case "id": id = try c.string()
            case "modified": modified = try c.string()
            case "published": advisory.published = try c.optionalString()
            case "withdrawn": advisory.withdrawn = try c.optionalString()
            case "aliases": advisory.aliases = try c.strings()
            case "related": advisory.related = try c.strings()
            case "summary": advisory.summary = try c.optionalString()
            case "details": advisory.details = try c.optionalString()
            case "severity": advisory.severity = try OSVSeverity.list(&c)
            case "affected":
                var affected: [OSVAffected] = []
                try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in affected.append(try OSVAffected(&c)) }
                advisory.affected = affected
            case "database_specific": advisory.databaseSpecific = try OSVDatabaseSpecific(&c)
            case "references":
                var references: [OSVReference] = []
                try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
                    var type = "", url = ""
                    try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                        switch key {
                        case "type": type = try c.string()
                        case "url": url = try c.string()
                        default: try c.skip()
                        }
                    }
                    references.append(OSVReference(type: type, url: url))
                }
                advisory.references = references
            default: try c.skip()
            }
        }
        guard let id, let modified else { throw JSONCursor.Failure(message: "an OSV advisory needs \"id\" and \"modified\"", offset: 0) }
        advisory.id = id
        advisory.modified = modified
        self = advisory
    }
}

extension OSVPackage {
    /// A `package` object's ecosystem and name, each `nil` when absent (shared with the import scanner).
    static func fields(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> (ecosystem: String?, name: String?) {
        var ecosystem: String?, name: String?
        try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
            switch key {
            case "ecosystem": ecosystem = try c.string()
            case "name": name = try c.string()
            default: try c.skip()
            }
        }
        return (ecosystem, name)
    }
}

extension OSVSeverity {
    static func list(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> [OSVSeverity] {
        var result: [OSVSeverity] = []
        try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
            var type = "", score = ""
            try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                switch key {
                case "type": type = try c.string()
                case "score": score = try c.string()
                default: try c.skip()
                }
            }
            result.append(OSVSeverity(type: type, score: score))
        }
        return result
    }
}

extension OSVDatabaseSpecific {
    /// Reads leniently: a field of another shape is skipped, not an error.
    init(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
        severity = nil
        depwatch = nil
        guard try c.peek() == UInt8(ascii: "{") else {
            try c.skip()
            return
        }
        var severity: String?, kind: String?
        try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
            switch key {
            case "severity" where try c.peek() == UInt8(ascii: "\""): severity = try c.string()
            case "depwatch" where try c.peek() == UInt8(ascii: "{"):
                try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                    if key == "kind", try c.peek() == UInt8(ascii: "\"") { kind = try c.string() } else { try c.skip() }
                }
            default: try c.skip()
            }
        }
        self.severity = severity
        depwatch = kind.map { Depwatch(kind: AdvisoryKind(rawValue: $0).flatMap { $0 == .policy ? nil : $0 }) }
    }
}

extension OSVAffected {
    init(_ c: inout JSONCursor) throws(JSONCursor.Failure) {
        var package: OSVPackage?
        var ranges: [OSVRange] = [], versions: [String] = []
        var custom: [OSVRange]?, severity: [OSVSeverity]?, imports: [OSVImport] = []
        try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
            switch key {
            case "package":
                let fields = try OSVPackage.fields(&c)
                package = OSVPackage(ecosystem: fields.ecosystem ?? "", name: fields.name ?? "")
            case "ranges": ranges = try OSVRange.list(&c)
            case "versions": versions = try c.strings()
            case "severity": severity = try OSVSeverity.list(&c)
            case "ecosystem_specific" where try c.peek() == UInt8(ascii: "{"):
                try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                    switch key {
                    case "custom_ranges": custom = try OSVRange.list(&c)
                    case "imports" where try c.peek() == UInt8(ascii: "["): imports = try OSVImport.list(&c)
                    default: try c.skip()
                    }
                }
            default: try c.skip()
            }
        }
        // An entry without a package (OSS-Fuzz style, GIT only) names nothing depwatch can match.
        self.init(package: package ?? OSVPackage(ecosystem: "", name: ""), ranges: ranges, versions: versions, customRanges: custom)
        self.severity = severity
        self.imports = imports
    }
}

extension OSVImport {
    /// Reads leniently: an entry without a path, or a field of another shape, is skipped.
    static func list(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> [OSVImport] {
        var result: [OSVImport] = []
        try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
            guard try c.peek() == UInt8(ascii: "{") else { return try c.skip() }
            var entry = OSVImport(path: "")
            try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                let isArray = try c.peek() == UInt8(ascii: "[")
                switch key {
                case "path" where try c.peek() == UInt8(ascii: "\""): entry.path = try c.string()
                case "symbols" where isArray: entry.symbols = try lenientStrings(&c)
                case "goos" where isArray: entry.goos = try lenientStrings(&c)
                case "goarch" where isArray: entry.goarch = try lenientStrings(&c)
                default: try c.skip()
                }
            }
            if !entry.path.isEmpty { result.append(entry) }
        }
        return result
    }

    /// The strings of an array, other elements skipped.
    private static func lenientStrings(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> [String] {
        var result: [String] = []
        try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
            if try c.peek() == UInt8(ascii: "\"") { result.append(try c.string()) } else { try c.skip() }
        }
        return result
    }
}

extension OSVRange {
    static func list(_ c: inout JSONCursor) throws(JSONCursor.Failure) -> [OSVRange] {
        var result: [OSVRange] = []
        try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
            var type = "", repo: String?, events: [OSVEvent] = []
            try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                switch key {
                case "type": type = try c.string()
                case "repo": repo = try c.optionalString()
                case "events":
                    try c.array { (c: inout JSONCursor) throws(JSONCursor.Failure) in
                        var event: OSVEvent?
                        try c.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                            switch key {
                            case "introduced": event = .introduced(try c.string())
                            case "fixed": event = .fixed(try c.string())
                            case "last_affected": event = .lastAffected(try c.string())
                            case "limit": event = .limit(try c.string())
                            default: try c.skip()
                            }
                        }
                        guard let event else {
                            throw JSONCursor.Failure(message: "an event needs introduced, fixed, last_affected or limit", offset: c.index)
                        }
                        events.append(event)
                    }
                default: try c.skip()
                }
            }
            result.append(OSVRange(type: type, repo: repo, events: events))
        }
        return result
    }
}
