/// ELF executables (Linux, the BSDs): 32- and 64-bit, either byte order; sections from the section
/// headers, loadable segments from the program headers (all a file stripped of its section headers has).
enum ELFReader: ExecutableFormatReader {
    static func recognizes(_ view: ByteView) -> Bool {
        guard let magic = try? view.slice(0, 4) else { return false }
        return Array(magic) == [0x7F, 0x45, 0x4C, 0x46]
    }

    /// The offsets of the header fields that differ between 32- and 64-bit files.
    private struct Layout {
        let is64: Bool
        var word: Int { is64 ? 8 : 4 }
        var programHeaderOffset: Int { is64 ? 0x20 : 0x1C }
        var sectionHeaderOffset: Int { is64 ? 0x28 : 0x20 }
        var programEntrySize: Int { is64 ? 0x36 : 0x2A }
        var sectionEntrySize: Int { is64 ? 0x3A : 0x2E }
        var minimumProgramEntry: Int { is64 ? 56 : 32 }
        var minimumSectionEntry: Int { is64 ? 64 : 40 }
    }

    static func images(in file: ByteView) throws(BinaryFailure) -> [ExecutableImage] {
        let elfClass = try file.u8(4), data = try file.u8(5)
        guard elfClass == 1 || elfClass == 2 else { throw BinaryFailure(4, "ELF class \(elfClass) is neither 32- nor 64-bit") }
        guard data == 1 || data == 2 else { throw BinaryFailure(5, "ELF data encoding \(data) is neither little- nor big-endian") }
        var view = file
        view.bigEndian = data == 2
        let layout = Layout(is64: elfClass == 2)
        let machine = try view.u16(18)
        let segments = try programHeaders(view, layout)
        let sections = try sectionHeaders(view, layout)
        return [ExecutableImage(format: .elf, view: view, pointerSize: layout.word, architecture: architecture(machine, layout.is64),
                                sections: sections + segments)]
    }

    private static func table(_ view: ByteView, _ layout: Layout, offsetField: Int, sizeField: Int, minimum: Int, countField: Int)
        throws(BinaryFailure) -> (offset: Int, entrySize: Int, count: Int) {
        let offset = try view.size(offsetField, width: layout.word)
        let entrySize = Int(try view.u16(sizeField)), count = Int(try view.u16(countField))
        guard offset != 0, count > 0 else { return (0, 0, 0) }
        guard entrySize >= minimum else { throw BinaryFailure(sizeField, "ELF header entries of \(entrySize) bytes are too small (at least \(minimum))") }
        _ = try view.slice(offset, entrySize * count, "the ELF header table of \(count) entries")
        return (offset, entrySize, count)
    }

    private static func programHeaders(_ view: ByteView, _ layout: Layout) throws(BinaryFailure) -> [ImageSection] {
        let table = try table(view, layout, offsetField: layout.programHeaderOffset, sizeField: layout.programEntrySize,
                              minimum: layout.minimumProgramEntry, countField: layout.programEntrySize + 2)
        var segments: [ImageSection] = []
        for index in 0..<table.count {
            let entry = table.offset + index * table.entrySize
            guard try view.u32(entry) == 1 else { continue }  // PT_LOAD
            let flags = try view.u32(entry + (layout.is64 ? 4 : 24))
            let offset = try view.size(entry + (layout.is64 ? 8 : 4), width: layout.word)
            let address = try view.unsigned(entry + (layout.is64 ? 16 : 8), width: layout.word)
            let fileSize = try view.size(entry + (layout.is64 ? 32 : 16), width: layout.word)
            _ = try view.slice(offset, fileSize, "segment \(index)")
            segments.append(ImageSection(name: "", offset: offset, fileSize: fileSize, address: address,
                                         writable: flags & 2 != 0, isSegment: true))
        }
        return segments
    }

    private static func sectionHeaders(_ view: ByteView, _ layout: Layout) throws(BinaryFailure) -> [ImageSection] {
        let table = try table(view, layout, offsetField: layout.sectionHeaderOffset, sizeField: layout.sectionEntrySize,
                              minimum: layout.minimumSectionEntry, countField: layout.sectionEntrySize + 2)
        guard table.count > 0 else { return [] }
        let namesIndex = Int(try view.u16(layout.sectionEntrySize + 4))
        let names: (offset: Int, size: Int)? = namesIndex < table.count ? try sectionRange(view, layout, table.offset + namesIndex * table.entrySize) : nil
        var sections: [ImageSection] = []
        for index in 0..<table.count {
            let entry = table.offset + index * table.entrySize
            let type = try view.u32(entry + 4)
            guard type != 0 else { continue }  // SHT_NULL
            let flags = try view.unsigned(entry + 8, width: layout.word)
            let address = try view.unsigned(entry + (layout.is64 ? 16 : 12), width: layout.word)
            let (offset, size) = try sectionRange(view, layout, entry)
            let hasBytes = type != 8  // SHT_NOBITS
            if hasBytes { _ = try view.slice(offset, size, "section \(index)") }
            var name = ""
            if let names, case let nameOffset = Int(try view.u32(entry)), nameOffset < names.size {
                name = try view.cString(names.offset + nameOffset, limit: min(256, names.size - nameOffset))
            }
            sections.append(ImageSection(name: name, offset: offset, fileSize: hasBytes ? size : 0, address: address,
                                         writable: flags & 1 != 0))
        }
        return sections
    }

    private static func sectionRange(_ view: ByteView, _ layout: Layout, _ entry: Int) throws(BinaryFailure) -> (Int, Int) {
        (try view.size(entry + (layout.is64 ? 24 : 16), width: layout.word), try view.size(entry + (layout.is64 ? 32 : 20), width: layout.word))
    }

    private static func architecture(_ machine: UInt16, _ is64: Bool) -> String {
        switch machine {
        case 3: return "386"
        case 62: return "amd64"
        case 40: return "arm"
        case 183: return "arm64"
        case 8: return is64 ? "mips64" : "mips"
        case 21: return "ppc64"
        case 243: return "riscv64"
        case 22: return "s390x"
        case 258: return "loong64"
        default: return "elf-machine-\(machine)"
        }
    }
}
