/// A JSON value with the place it starts, so that errors about a document's content can name a line
/// and column (Foundation's decoders report no positions).
struct JSONNode: Sendable {
    /// A JSON value; object members keep their order and their key's place.
    indirect enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// An object member.
    struct Member: Sendable {
        var key: String
        var line: Int
        var column: Int
        var value: JSONNode
    }

    var value: Value
    var line: Int
    var column: Int

    /// The member named `key` of an object (the first, if repeated).
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, if this is one.
    var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The number's text, if this is one.
    var number: String? {
        if case .number(let n) = value { return n }
        return nil
    }

    /// The elements, if this is an array.
    var array: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The JSON type's name, for messages.
    var typeName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
