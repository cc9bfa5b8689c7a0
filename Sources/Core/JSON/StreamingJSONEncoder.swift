/// An `Encoder` that writes straight into a `JSONWriter`: the same bytes as `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, for the `Encodable` models every report
/// already has, without `JSONEncoder`'s tree of boxes and its key sorting by `String` comparison (on a
/// corpus audit, 2.8 MB of JSON, that took as long as the audit).
///
/// Models whose `encode(to:)` gives keys in sorted order are written with nothing moved; others (the
/// synthesized conformances, dictionaries) are put in order as each object closes.
public enum StreamingJSONEncoder {
    /// `value` as JSON text, ending with a line feed (as depwatch's reports end).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let sink = Sink()
        let encoder = ValueEncoder(sink: sink, codingPath: [])
        try encoder.encode(value)
        return sink.writer.finish()
    }

    /// The writer, shared by every encoder of one document.
    final class Sink {
        var writer = JSONWriter(capacity: 1 << 16)
    }

    /// Encodes one value; the container it opens is closed by `finish`.
    final class ValueEncoder: Encoder {
        let sink: Sink
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        private enum Opened { case none, object, array, single }
        private var opened = Opened.none
        /// A nested container of this one that is still open; closed before this one writes again.
        var openChild: ValueEncoder?

        init(sink: Sink, codingPath: [any CodingKey]) {
            self.sink = sink
            self.codingPath = codingPath
        }

        /// Writes `value`: scalars directly, anything else through its own `encode(to:)`.
        func encode<T: Encodable>(_ value: T) throws {
            switch value {
            case let string as String: sink.writer.value(string)
            case let number as Int: sink.writer.value(number)
            case let flag as Bool: sink.writer.value(flag)
            case let number as Double: sink.writer.value(number)
            default:
                let child = ValueEncoder(sink: sink, codingPath: codingPath)
                try value.encode(to: child)
                child.finish()
            }
        }

        /// Closes what this value opened (an `encode(to:)` that wrote nothing is an empty object, as `JSONEncoder` writes it).
        func finish() {
            closeChild()
            switch opened {
            case .object: sink.writer.endObject()
            case .array: sink.writer.endArray()
            case .single: break
            case .none: sink.writer.beginObject(); sink.writer.endObject()
            }
        }

        func closeChild() {
            if let child = openChild {
                openChild = nil
                child.finish()
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if opened == .none { opened = .object; sink.writer.beginObject() }
            return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if opened == .none { opened = .array; sink.writer.beginArray() }
            return UnkeyedContainer(encoder: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            if opened == .none { opened = .single }
            return SingleContainer(encoder: self)
        }

        /// A child encoder for a nested container, opened now and closed before the parent's next write.
        func nested(key: (any CodingKey)?) -> ValueEncoder {
            closeChild()
            let child = ValueEncoder(sink: sink, codingPath: codingPath + [key].compactMap { $0 })
            openChild = child
            return child
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        init(encoder: ValueEncoder) { self.encoder = encoder }

        private func key(_ key: Key) {
            encoder.closeChild()
            encoder.sink.writer.key(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws { self.key(key); encoder.sink.writer.null() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(value) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(integer: value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); encoder.sink.writer.value(integer: value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try ValueEncoder(sink: encoder.sink, codingPath: encoder.codingPath + [key]).encode(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return encoder.nested(key: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.nested(key: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            encoder.sink.writer.key("super")
            return encoder.nested(key: nil)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return encoder.nested(key: key)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        private(set) var count = 0

        init(encoder: ValueEncoder) { self.encoder = encoder }

        private mutating func next() {
            encoder.closeChild()
            count += 1
        }

        mutating func encodeNil() throws { next(); encoder.sink.writer.null() }
        mutating func encode(_ value: Bool) throws { next(); encoder.sink.writer.value(value) }
        mutating func encode(_ value: String) throws { next(); encoder.sink.writer.value(value) }
        mutating func encode(_ value: Double) throws { next(); encoder.sink.writer.value(value) }
        mutating func encode(_ value: Int) throws { next(); encoder.sink.writer.value(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            next()
            try ValueEncoder(sink: encoder.sink, codingPath: encoder.codingPath).encode(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            next()
            return encoder.nested(key: nil).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            next()
            return encoder.nested(key: nil).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            next()
            return encoder.nested(key: nil)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.sink.writer.null() }
        mutating func encode(_ value: Bool) throws { encoder.sink.writer.value(value) }
        mutating func encode(_ value: String) throws { encoder.sink.writer.value(value) }
        mutating func encode(_ value: Double) throws { encoder.sink.writer.value(value) }
        mutating func encode(_ value: Float) throws { encoder.sink.writer.value(Double(value)) }
        mutating func encode(_ value: Int) throws { encoder.sink.writer.value(value) }
        mutating func encode(_ value: Int8) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int16) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int32) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: Int64) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt) throws { encoder.sink.writer.value(integer: value) }
        mutating func encode(_ value: UInt8) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.sink.writer.value(Int(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.sink.writer.value(integer: value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encode(value) }
    }
}
