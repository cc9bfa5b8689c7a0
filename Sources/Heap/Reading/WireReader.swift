/// Protocol Buffers' wire format, read in place: the fields of one message as (number, type) with their
/// values, every length checked against what is left, every error at its byte offset. Only what
/// profile.proto uses: varints, length-delimited fields (and packed varints in them), and the fixed-width
/// types to skip.
struct WireReader {
    /// One wire type.
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private(set) var offset: Int
    private let end: Int

    /// A reader of `bytes[range]`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    /// Whether the message has no more fields.
    var isAtEnd: Bool { offset >= end }

    /// The next field's number and wire type.
    mutating func field() throws(ProfileFailure) -> (number: UInt64, type: WireType) {
        let start = offset
        let key = try varint()
        guard let type = WireType(rawValue: UInt8(key & 7)) else {
            throw ProfileFailure(offset: start, message: "unknown protobuf wire type \(key & 7)")
        }
        guard key >> 3 != 0 else { throw ProfileFailure(offset: start, message: "protobuf field number 0") }
        return (key >> 3, type)
    }

    /// A base-128 varint of at most ten bytes.
    mutating func varint() throws(ProfileFailure) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw ProfileFailure(offset: start, message: "truncated varint") }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw ProfileFailure(offset: start, message: "bad varint: longer than 64 bits") }
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A varint field's value as a signed 64-bit integer (int64 wire form: two's complement).
    mutating func int64() throws(ProfileFailure) -> Int64 {
        Int64(bitPattern: try varint())
    }

    /// The byte range of a length-delimited field's value.
    mutating func delimited() throws(ProfileFailure) -> Range<Int> {
        let start = offset
        let length = try varint()
        guard length <= UInt64(end - offset) else {
            throw ProfileFailure(offset: start, message: "a field of \(length) bytes runs past the end of its message (\(end - offset) left)")
        }
        let range = offset..<(offset + Int(length))
        offset = range.upperBound
        return range
    }

    /// The values of a repeated varint field, packed or (one at a time) not.
    mutating func varints(_ type: WireType, into values: inout [UInt64]) throws(ProfileFailure) {
        switch type {
        case .varint: values.append(try varint())
        case .lengthDelimited:
            var packed = WireReader(bytes, range: try delimited())
            while !packed.isAtEnd { values.append(try packed.varint()) }
        default: throw ProfileFailure(offset: offset, message: "a repeated integer field with wire type \(type.rawValue)")
        }
    }

    /// The same for signed values.
    mutating func int64s(_ type: WireType, into values: inout [Int64]) throws(ProfileFailure) {
        switch type {
        case .varint: values.append(try int64())
        case .lengthDelimited:
            var packed = WireReader(bytes, range: try delimited())
            while !packed.isAtEnd { values.append(try packed.int64()) }
        default: throw ProfileFailure(offset: offset, message: "a repeated integer field with wire type \(type.rawValue)")
        }
    }

    /// A reader of a nested message's bytes.
    mutating func message() throws(ProfileFailure) -> WireReader {
        WireReader(bytes, range: try delimited())
    }

    /// The UTF-8 text of a length-delimited field (invalid sequences repaired).
    mutating func string() throws(ProfileFailure) -> String {
        let range = try delimited()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Skips a field's value.
    mutating func skip(_ type: WireType) throws(ProfileFailure) {
        switch type {
        case .varint: _ = try varint()
        case .lengthDelimited: _ = try delimited()
        case .fixed64, .fixed32:
            let width = type == .fixed64 ? 8 : 4
            guard end - offset >= width else { throw ProfileFailure(offset: offset, message: "truncated fixed-width field") }
            offset += width
        }
    }
}
