/// The header of a Go binary's pclntab (runtime.pcHeader), in the four forms Go has written: 1.2 to
/// 1.15, 1.16–1.17, 1.18–1.19 and 1.20 on. Offsets are view offsets (the caller maps the address).
struct LineTableHeader {
    enum Form: Equatable {
        case go12, go116, go118, go120
    }

    static let magics: [UInt32: Form] = [0xFFFF_FFFB: .go12, 0xFFFF_FFFA: .go116, 0xFFFF_FFF0: .go118, 0xFFFF_FFF1: .go120]

    var form: Form
    /// Where the header starts, and the end of the part of the file that holds the table.
    var start: Int, end: Int
    var pointerSize: Int
    var functionCount: Int
    /// The function name table, the pc-value tables and the function table (1.2: all the table itself).
    var names: Int, pcValues: Int, functions: Int

    /// The header at `start`, checked: its magic, padding, quantum and pointer size, and every table it
    /// names inside `start..<end`; `nil` when the bytes there are not a pclntab header.
    static func read(_ view: ByteView, at start: Int, end: Int) throws(BinaryFailure) -> LineTableHeader? {
        guard end - start >= 16, let form = magics[try view.u32(start)],
              try view.u8(start + 4) == 0, try view.u8(start + 5) == 0, [1, 2, 4].contains(try view.u8(start + 6)) else { return nil }
        let pointerSize = Int(try view.u8(start + 7))
        guard pointerSize == 4 || pointerSize == 8 else { return nil }
        let word = { (index: Int) throws(BinaryFailure) -> Int in try view.size(start + 8 + index * pointerSize, width: pointerSize) }
        let count = try word(0)
        var header = LineTableHeader(form: form, start: start, end: end, pointerSize: pointerSize, functionCount: count,
                                     names: start, pcValues: start, functions: start + 8 + pointerSize)
        switch form {
        case .go12: break
        case .go116:
            (header.names, header.pcValues, header.functions) = (start + (try word(2)), start + (try word(5)), start + (try word(6)))
        case .go118, .go120:
            (header.names, header.pcValues, header.functions) = (start + (try word(3)), start + (try word(6)), start + (try word(7)))
        }
        let entrySize = form == .go118 || form == .go120 ? 8 : 2 * pointerSize
        guard [header.names, header.pcValues, header.functions].allSatisfy({ $0 >= start && $0 <= end }),
              count <= (end - header.functions) / entrySize else {
            throw BinaryFailure(view.origin + start + 8, "a function table of \(count) functions does not fit in the \(end - start)-byte pclntab")
        }
        return header
    }

    /// The size of a `_func` before its pcdata offsets.
    var functionHeaderSize: Int {
        switch form {
        case .go12: return pointerSize + 32
        case .go116: return pointerSize + 36
        case .go118: return 40
        case .go120: return 44
        }
    }

    /// The view offset of function `index`'s `_func`.
    func function(_ view: ByteView, _ index: Int) throws(BinaryFailure) -> Int {
        let offset: Int
        switch form {
        case .go118, .go120: offset = functions + Int(try view.u32(functions + index * 8 + 4))
        case .go116: offset = functions + (try view.size(functions + (2 * index + 1) * pointerSize, width: pointerSize))
        case .go12: offset = start + (try view.size(functions + (2 * index + 1) * pointerSize, width: pointerSize))
        }
        guard offset >= start, offset + functionHeaderSize <= end else {
            throw BinaryFailure(view.origin + functions + index * 8, "function \(index) is outside the pclntab")
        }
        return offset
    }

    /// The name offset field of a `_func`.
    func nameOffset(_ view: ByteView, function: Int) throws(BinaryFailure) -> Int {
        let field = form == .go12 || form == .go116 ? function + pointerSize : function + 4
        return Int(Int32(bitPattern: try view.u32(field)))
    }

    /// Longer than any Go symbol name (generic instantiations run to a few hundred bytes).
    static let maximumName = 64 << 10

    /// The NUL-terminated name at `offset` of the name table, or `nil` when it is not inside the table.
    func name(_ view: ByteView, at offset: Int) -> String? {
        nameBytes(view, at: offset).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the name at `offset` (without its NUL), or `nil` when it is not inside the table.
    func nameBytes(_ view: ByteView, at offset: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, offset < end - names else { return nil }
        let start = names + offset
        let bytes = UnsafeRawBufferPointer(rebasing: view.bytes[start..<min(end, start + Self.maximumName)])
        guard let length = bytes.firstIndex(of: 0), length > 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[..<length])
    }
}
