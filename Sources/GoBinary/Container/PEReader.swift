/// PE executables (Windows): PE32 and PE32+, sections from the section table, addresses from the image base.
enum PEReader: ExecutableFormatReader {
    private static let maximumSections = 4096

    static func recognizes(_ view: ByteView) -> Bool {
        guard let magic = try? view.slice(0, 2) else { return false }
        return Array(magic) == [0x4D, 0x5A]  // MZ
    }

    static func images(in file: ByteView) throws(BinaryFailure) -> [ExecutableImage] {
        var view = file
        view.bigEndian = false
        let header = Int(try view.u32(0x3C))
        guard Array(try view.slice(header, 4, "the PE signature")) == [0x50, 0x45, 0, 0] else {
            throw BinaryFailure(header, "no PE signature where the DOS header points (an MS-DOS program?)")
        }
        let coff = header + 4
        let machine = try view.u16(coff), count = Int(try view.u16(coff + 2)), optionalSize = Int(try view.u16(coff + 16))
        guard count <= maximumSections else { throw BinaryFailure(coff + 2, "\(count) sections") }
        let optional = coff + 20
        let kind = try view.u16(optional)
        guard kind == 0x10B || kind == 0x20B else { throw BinaryFailure(optional, "optional header magic 0x\(String(kind, radix: 16)) is neither PE32 nor PE32+") }
        let imageBase = kind == 0x20B ? try view.u64(optional + 24) : UInt64(try view.u32(optional + 28))
        let table = optional + optionalSize
        _ = try view.slice(table, count * 40, "the section table of \(count) sections")
        var sections: [ImageSection] = []
        for index in 0..<count {
            let entry = table + index * 40
            let name = try view.cString(entry, limit: 8)
            let virtualSize = Int(try view.u32(entry + 8)), virtualAddress = UInt64(try view.u32(entry + 12))
            let rawSize = Int(try view.u32(entry + 16)), rawOffset = Int(try view.u32(entry + 20))
            let characteristics = try view.u32(entry + 36)
            // The file holds SizeOfRawData bytes (padded to the file alignment); what is loaded is at most
            // VirtualSize of them. A file cut inside the padding is damaged too.
            let fileSize = rawOffset == 0 ? 0 : min(rawSize, virtualSize == 0 ? rawSize : virtualSize)
            if rawOffset != 0 { _ = try view.slice(rawOffset, rawSize, "section \(name)") }
            sections.append(ImageSection(name: name, offset: rawOffset, fileSize: fileSize, address: imageBase + virtualAddress,
                                         writable: characteristics & 0x8000_0000 != 0))
        }
        try checkSymbolTable(view, coff)
        return [ExecutableImage(format: .pe, view: view, pointerSize: kind == 0x20B ? 8 : 4, architecture: architecture(machine), sections: sections)]
    }

    /// The COFF symbol table and string table Go writes after the sections must be in the file whole
    /// (as debug/pe reads them): a file cut inside them is damaged, not a smaller binary.
    private static func checkSymbolTable(_ view: ByteView, _ coff: Int) throws(BinaryFailure) {
        let table = Int(try view.u32(coff + 8)), count = Int(try view.u32(coff + 12))
        guard table != 0 else { return }
        _ = try view.slice(table, count * 18, "the COFF symbol table of \(count) symbols")
        let strings = table + count * 18
        _ = try view.slice(strings, Int(try view.u32(strings)), "the COFF string table")
    }

    private static func architecture(_ machine: UInt16) -> String {
        switch machine {
        case 0x14C: return "386"
        case 0x8664: return "amd64"
        case 0x1C4, 0x1C0: return "arm"
        case 0xAA64: return "arm64"
        default: return "pe-machine-0x\(String(machine, radix: 16))"
        }
    }
}
