/// Bounds-checked reads of integers and byte ranges from a file's bytes, in one byte order; every
/// failure names the offset that is out of range.
struct ByteView: @unchecked Sendable {
    /// The bytes (the whole file).
    let bytes: UnsafeRawBufferPointer
    /// Whether integers are big-endian.
    var bigEndian: Bool
    /// Where `bytes` starts in the file (a slice of a universal Mach-O file), for the offsets of failures.
    var origin: Int = 0

    /// The number of bytes.
    var count: Int { bytes.count }

    /// `count` bytes at `offset`, or a failure when any of them is past the end.
    func slice(_ offset: Int, _ count: Int, _ what: @autoclosure () -> String = "data") throws(BinaryFailure) -> UnsafeRawBufferPointer {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw BinaryFailure(origin + max(0, offset), "\(what()) (\(count) bytes) runs past the end of the file (\(origin + bytes.count) bytes)")
        }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// The unsigned integer of `width` bytes (1, 2, 4 or 8) at `offset`.
    func unsigned(_ offset: Int, width: Int) throws(BinaryFailure) -> UInt64 {
        let raw = try slice(offset, width, "a \(width)-byte integer")
        var value: UInt64 = 0
        if bigEndian {
            for byte in raw { value = value << 8 | UInt64(byte) }
        } else {
            for byte in raw.reversed() { value = value << 8 | UInt64(byte) }
        }
        return value
    }

    func u8(_ offset: Int) throws(BinaryFailure) -> UInt8 { UInt8(try unsigned(offset, width: 1)) }
    func u16(_ offset: Int) throws(BinaryFailure) -> UInt16 { UInt16(try unsigned(offset, width: 2)) }
    func u32(_ offset: Int) throws(BinaryFailure) -> UInt32 { UInt32(try unsigned(offset, width: 4)) }
    func u64(_ offset: Int) throws(BinaryFailure) -> UInt64 { try unsigned(offset, width: 8) }

    /// An integer read as an offset or a size: a failure when it does not fit in `Int`.
    func size(_ offset: Int, width: Int) throws(BinaryFailure) -> Int {
        let value = try unsigned(offset, width: width)
        guard value <= UInt64(Int.max) else { throw BinaryFailure(origin + offset, "a size or offset of \(value) is out of range") }
        return Int(value)
    }

    /// The NUL-terminated string at `offset`, at most `limit` bytes.
    func cString(_ offset: Int, limit: Int) throws(BinaryFailure) -> String {
        let available = try slice(offset, min(limit, max(0, bytes.count - offset)), "a name")
        let end = available.firstIndex(of: 0) ?? available.count
        return String(decoding: UnsafeRawBufferPointer(rebasing: available[..<end]), as: UTF8.self)
    }
}

extension ByteView {
    /// The part of the view from `offset`, `count` bytes long, as a view of its own (a slice of a universal
    /// Mach-O file): offsets in it start at 0, failures name the file's offsets.
    func subview(_ offset: Int, _ count: Int, bigEndian: Bool) throws(BinaryFailure) -> ByteView {
        ByteView(bytes: try slice(offset, count, "an architecture's slice"), bigEndian: bigEndian, origin: origin + offset)
    }
}
