/// Mach-O executables (macOS, iOS): 32- and 64-bit, either byte order, and universal ("fat") files with
/// one image per architecture; sections and segments from the load commands.
enum MachOReader: ExecutableFormatReader {
    private static let thin32: UInt32 = 0xFEED_FACE, thin64: UInt32 = 0xFEED_FACF
    private static let fat32: UInt32 = 0xCAFE_BABE, fat64: UInt32 = 0xCAFE_BABF
    /// More architectures than any universal file has; a Java class file (also 0xCAFEBABE) reads as tens of thousands.
    private static let maximumArchitectures = 64

    static func recognizes(_ view: ByteView) -> Bool {
        var little = view, big = view
        little.bigEndian = false
        big.bigEndian = true
        guard let magic = try? big.u32(0), let swapped = try? little.u32(0) else { return false }
        if magic == fat32 || magic == fat64 { return (try? big.u32(4)).map { $0 <= UInt32(maximumArchitectures) } ?? false }
        return [thin32, thin64].contains(magic) || [thin32, thin64].contains(swapped)
    }

    static func images(in file: ByteView) throws(BinaryFailure) -> [ExecutableImage] {
        var big = file
        big.bigEndian = true
        let magic = try big.u32(0)
        guard magic == fat32 || magic == fat64 else { return [try thin(file)] }
        let count = Int(try big.u32(4)), entrySize = magic == fat64 ? 32 : 20
        guard count > 0, count <= maximumArchitectures else { throw BinaryFailure(4, "a universal Mach-O file with \(count) architectures") }
        var images: [ExecutableImage] = []
        for index in 0..<count {
            let entry = 8 + index * entrySize
            let offset = magic == fat64 ? try big.size(entry + 8, width: 8) : Int(try big.u32(entry + 8))
            let size = magic == fat64 ? try big.size(entry + 16, width: 8) : Int(try big.u32(entry + 12))
            let slice = try big.subview(offset, size, bigEndian: true)
            images.append(try thin(slice))
        }
        return images
    }

    private static func thin(_ slice: ByteView) throws(BinaryFailure) -> ExecutableImage {
        var view = slice
        view.bigEndian = false
        var magic = try view.u32(0)
        if magic != thin32 && magic != thin64 {
            view.bigEndian = true
            magic = try view.u32(0)
        }
        guard magic == thin32 || magic == thin64 else { throw BinaryFailure(slice.origin, "not a Mach-O image (magic 0x\(String(magic, radix: 16)))") }
        let is64 = magic == thin64
        let cpu = try view.u32(4)
        let commands = Int(try view.u32(16)), commandBytes = Int(try view.u32(20))
        let start = is64 ? 32 : 28
        _ = try view.slice(start, commandBytes, "the load commands")
        var sections: [ImageSection] = []
        var position = start
        for index in 0..<commands {
            guard position + 8 <= start + commandBytes else { throw BinaryFailure(slice.origin + position, "load command \(index) is past the \(commandBytes) bytes of load commands") }
            let command = try view.u32(position), size = Int(try view.u32(position + 4))
            guard size >= 8, size <= start + commandBytes - position else {
                throw BinaryFailure(slice.origin + position + 4, "load command \(index) claims \(size) bytes")
            }
            if command == 0x19 || command == 0x1 {
                sections += try segment(view, at: position, size: size, is64: command == 0x19)
            }
            position += size
        }
        return ExecutableImage(format: .machO, view: view, pointerSize: is64 ? 8 : 4, architecture: architecture(cpu), sections: sections)
    }

    /// A segment load command and its sections.
    private static func segment(_ view: ByteView, at position: Int, size: Int, is64: Bool) throws(BinaryFailure) -> [ImageSection] {
        let word = is64 ? 8 : 4
        let name = try view.cString(position + 8, limit: 16)
        let address = try view.unsigned(position + 24, width: word)
        let fileOffset = try view.size(position + 24 + 2 * word, width: word)
        let fileSize = try view.size(position + 24 + 3 * word, width: word)
        let protection = try view.u32(position + 28 + 4 * word)  // initprot
        let count = Int(try view.u32(position + 32 + 4 * word))
        let headerSize = is64 ? 72 : 56, sectionSize = is64 ? 80 : 68
        guard count <= (size - headerSize) / sectionSize else {
            throw BinaryFailure(view.origin + position + 32 + 4 * word, "segment \(name) claims \(count) sections in a \(size)-byte command")
        }
        _ = try view.slice(fileOffset, fileSize, "segment \(name)")
        var parts = [ImageSection(name: name, offset: fileOffset, fileSize: fileSize, address: address, writable: protection & 2 != 0, isSegment: true)]
        for index in 0..<count {
            let entry = position + headerSize + index * sectionSize
            let sectionName = try view.cString(entry, limit: 16)
            let sectionAddress = try view.unsigned(entry + 32, width: word)
            let sectionSize = try view.size(entry + 32 + word, width: word)
            let offset = Int(try view.u32(entry + 32 + 2 * word))
            let type = try view.u32(entry + 48 + 2 * word) & 0xFF
            let zeroFill = [0x1, 0xC, 0x12].contains(type)
            if !zeroFill { _ = try view.slice(offset, sectionSize, "section \(name),\(sectionName)") }
            parts.append(ImageSection(name: sectionName, offset: offset, fileSize: zeroFill ? 0 : sectionSize, address: sectionAddress,
                                      writable: protection & 2 != 0))
        }
        return parts
    }

    private static func architecture(_ cpu: UInt32) -> String {
        switch cpu {
        case 7: return "386"
        case 0x0100_0007: return "amd64"
        case 12: return "arm"
        case 0x0100_000C: return "arm64"
        case 0x0100_0012: return "ppc64"
        default: return "macho-cpu-\(cpu)"
        }
    }
}
