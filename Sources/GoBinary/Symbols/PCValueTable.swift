/// Go's pc-value tables (runtime `step`): pairs of a zig-zag varint value delta and a varint pc delta,
/// starting from -1, ending at a zero value delta after the first pair.
enum PCValueTable {
    /// Every value ≥ 0 the table at `offset` takes, at most `limit` steps, inside `offset..<end`.
    static func values(_ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, limit: Int = 1 << 20, _ each: (Int32) -> Void) {
        var position = offset, value: Int32 = -1, first = true, steps = 0
        while position < end, steps < limit {
            guard let delta = varint(bytes, &position, end: end) else { return }
            if delta == 0 && !first { return }
            first = false
            value &+= Int32(bitPattern: (delta >> 1) ^ (0 &- (delta & 1)))
            guard varint(bytes, &position, end: end) != nil else { return }
            if value >= 0 { each(value) }
            steps += 1
        }
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int, end: Int) -> UInt32? {
        var result: UInt32 = 0, shift: UInt32 = 0
        while position < end, shift < 35 {
            let byte = bytes[position]
            position += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}
