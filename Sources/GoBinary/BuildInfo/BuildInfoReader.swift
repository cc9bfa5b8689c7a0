/// Finds and reads the build information blob the Go linker writes into every binary since Go 1.13:
/// `\xff Go buildinf:`, a pointer size, flags, then either the version and module text inline as
/// varint-prefixed strings (Go 1.18 and later) or pointers to the two Go strings (before 1.18). It is
/// in its own section (`.go.buildinfo`, `__go_buildinfo`) where the format has one, else at the start
/// of the writable data, 16-byte aligned; where neither holds it, every writable part is searched.
enum BuildInfoReader {
    static let magic: [UInt8] = [0xFF] + Array(" Go buildinf:".utf8)
    /// The header: magic, pointer size, flags, and room for two pointers.
    static let headerSize = 32
    /// The flags: integers in the pointer form are big-endian; the strings are inline.
    static let bigEndianFlag: UInt8 = 0x1, inlineFlag: UInt8 = 0x2
    /// Longer than any version or module list a real binary has (a module list of 10,000 modules is ~1 MiB).
    static let maximumString = 16 << 20

    /// The build information of `image`, or `nil` when it has none (not a Go binary).
    static func read(_ image: ExecutableImage) throws(BinaryFailure) -> GoBuildInfo? {
        guard let (header, end) = try find(image) else { return nil }
        let view = image.view
        let pointerSize = Int(try view.u8(header + 14)), flags = try view.u8(header + 15)
        let version: [UInt8], modules: (bytes: [UInt8], offset: Int)
        if flags & inlineFlag != 0 {
            var position = header + headerSize
            version = try inlineString(view, &position, end: end).bytes
            modules = try inlineString(view, &position, end: end)
        } else {
            guard pointerSize == 4 || pointerSize == 8 else { throw BinaryFailure(view.origin + header + 14, "a pointer size of \(pointerSize)") }
            var order = image
            order.view.bigEndian = flags & bigEndianFlag != 0
            order.pointerSize = pointerSize
            version = try goString(order, pointerAt: header + 16).bytes
            modules = try goString(order, pointerAt: header + 16 + pointerSize)
        }
        var info = GoBuildInfo(goVersion: String(decoding: version, as: UTF8.self))
        let (text, skipped) = strippedSentinels(modules.bytes)
        do {
            try ModuleInfoText.parse(text, into: &info)
        } catch {
            throw BinaryFailure(view.origin + modules.offset + skipped + error.offset, "build information: \(error.message)")
        }
        guard !version.isEmpty else { throw BinaryFailure(view.origin + header, "build information without a Go version") }
        return info
    }

    /// The view offset of the header (in the build information section, else searched for) and the end
    /// of the part of the file that holds it, which inline strings must not pass.
    private static func find(_ image: ExecutableImage) throws(BinaryFailure) -> (header: Int, end: Int)? {
        if let section = image.section(named: ".go.buildinfo") ?? image.section(named: "__go_buildinfo"), section.fileSize >= headerSize {
            if try hasMagic(image.view, section.offset) { return (section.offset, section.offset + section.fileSize) }
        }
        for part in image.sections where part.writable && part.fileSize >= headerSize {
            if let found = search(image.view, part) { return (found, part.offset + part.fileSize) }
        }
        return nil
    }

    /// The first 16-byte aligned (by address) copy of the magic in `part`.
    private static func search(_ view: ByteView, _ part: ImageSection) -> Int? {
        guard let bytes = try? view.slice(part.offset, part.fileSize) else { return nil }
        var start = Int((16 - part.address % 16) % 16)
        while start + headerSize <= bytes.count {
            if bytes[start] == 0xFF, magic.indices.allSatisfy({ bytes[start + $0] == magic[$0] }) { return part.offset + start }
            start += 16
        }
        return nil
    }

    private static func hasMagic(_ view: ByteView, _ offset: Int) throws(BinaryFailure) -> Bool {
        Array(try view.slice(offset, magic.count)) == magic
    }

    /// A varint-length-prefixed string at `position` (moved past it) that ends by `end`, with the offset
    /// of its first byte.
    private static func inlineString(_ view: ByteView, _ position: inout Int, end: Int) throws(BinaryFailure) -> (bytes: [UInt8], offset: Int) {
        var length = 0, shift = 0
        while true {
            let byte = try view.u8(position)
            position += 1
            guard shift < 63 else { throw BinaryFailure(view.origin + position - 1, "a string length varint longer than 9 bytes") }
            length |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 { break }
        }
        guard length <= maximumString else { throw BinaryFailure(view.origin + position, "a build information string of \(length) bytes") }
        guard length <= end - position else {
            throw BinaryFailure(view.origin + position, "a build information string of \(length) bytes runs past the end of the section that holds it")
        }
        let bytes = try view.slice(position, length, "a build information string")
        defer { position += length }
        return (Array(bytes), position)
    }

    /// The Go string whose header (data pointer, length) a pointer at `offset` points to.
    private static func goString(_ image: ExecutableImage, pointerAt offset: Int) throws(BinaryFailure) -> (bytes: [UInt8], offset: Int) {
        let headerAddress = try image.pointer(offset)
        let header = try image.offset(ofAddress: headerAddress, count: 2 * image.pointerSize)
        let data = try image.pointer(header), length = try image.pointer(header + image.pointerSize)
        guard length <= UInt64(maximumString) else { throw BinaryFailure(image.view.origin + header, "a build information string of \(length) bytes") }
        guard length > 0 else { return ([], header) }
        let start = try image.offset(ofAddress: data, count: Int(length))
        return (Array(try image.view.slice(start, Int(length))), start)
    }

    /// The module text without the 16-byte sentinels the linker puts around it, and how many bytes
    /// were dropped before it.
    static func strippedSentinels(_ bytes: [UInt8]) -> (text: String, skipped: Int) {
        guard bytes.count >= 33, bytes[bytes.count - 17] == UInt8(ascii: "\n") else { return (String(decoding: bytes, as: UTF8.self), 0) }
        return (String(decoding: bytes[16..<(bytes.count - 16)], as: UTF8.self), 16)
    }
}
