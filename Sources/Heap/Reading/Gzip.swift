import CSystemZlib

/// gzip through the system zlib, with the output bounded while it is inflated (never trusting the size
/// the trailer claims): a profile is untrusted input.
enum Gzip {
    /// Whether `bytes` start with gzip's magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The inflated bytes of a gzip stream (several members are read one after another, as gunzip does);
    /// a damaged or truncated stream is an error at the compressed offset where it was found, and output
    /// past `limit` bytes is an error too.
    static func inflate(_ input: [UInt8], limit: Int) throws(ProfileFailure) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 16: a gzip header and trailer, not zlib's.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ProfileFailure(offset: 0, message: "cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // The trailer's size (of the last member, modulo 4 GiB) sizes the array, never bounds it: the
        // limit is checked as the bytes come.
        let trailer = input.count >= 18 ? input[(input.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        output.reserveCapacity(min(limit, max(trailer, input.count * 2, 1 << 16)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { (source) throws(ProfileFailure) in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else {
                    throw ProfileFailure(offset: Int(stream.total_in), message: "the profile inflates past \(limit >> 20) MiB; it is too large to read")
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_OK: continue
                case Z_STREAM_END:
                    // Another member may follow (concatenated gzip files).
                    guard stream.avail_in > 0 else { return }
                    let consumed = source.count - Int(stream.avail_in)
                    guard source.count - consumed >= 2, source[consumed] == 0x1f, source[consumed + 1] == 0x8b else {
                        throw ProfileFailure(offset: consumed, message: "data after the end of the gzip stream")
                    }
                    inflateReset(&stream)
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw ProfileFailure(offset: source.count, message: "the gzip stream is truncated")
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw ProfileFailure(offset: Int(stream.total_in), message: "damaged gzip data: \(reason)")
                }
            }
        }
        return output
    }
}
