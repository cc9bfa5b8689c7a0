/// The executable formats depwatch reads.
public enum ExecutableFormat: String, Sendable, Hashable, Codable {
    case elf = "ELF"
    case machO = "Mach-O"
    case pe = "PE"
}

/// A part of an executable with a name, a place in the file and a place in memory: a section, or (where
/// a file has no section headers) a loadable segment.
struct ImageSection: Sendable, Hashable {
    var name: String
    /// Where its bytes start in the view.
    var offset: Int
    /// How many of its bytes the file holds (0 for uninitialized data).
    var fileSize: Int
    /// Where it is loaded.
    var address: UInt64
    /// Whether it is writable data (where Go puts its build information).
    var writable: Bool
    /// A segment rather than a section (ELF program headers, Mach-O segments).
    var isSegment: Bool = false
}

/// One executable image (a universal Mach-O file holds several): its bytes, byte order, word size,
/// architecture and sections.
struct ExecutableImage: Sendable {
    var format: ExecutableFormat
    var view: ByteView
    /// 4 or 8.
    var pointerSize: Int
    /// GOARCH spelling of the machine (`amd64`, `arm64`, …), or the format's number when unknown.
    var architecture: String
    var sections: [ImageSection]

    /// The section called `name`, if any.
    func section(named name: String) -> ImageSection? {
        sections.first { $0.name == name && !$0.isSegment }
    }

    /// The view offset of `count` bytes loaded at `address`, or a failure when no section of the file
    /// holds them all.
    func offset(ofAddress address: UInt64, count: Int) throws(BinaryFailure) -> Int {
        for part in sections where part.fileSize > 0 && address >= part.address {
            let within = address - part.address
            guard within < UInt64(part.fileSize), UInt64(count) <= UInt64(part.fileSize) - within else { continue }
            return part.offset + Int(within)
        }
        throw BinaryFailure(view.origin, "address 0x\(String(address, radix: 16)) (\(count) bytes) is in no part of the file")
    }

    /// A pointer-sized integer at a view offset.
    func pointer(_ offset: Int) throws(BinaryFailure) -> UInt64 {
        try view.unsigned(offset, width: pointerSize)
    }
}

/// One executable format: recognizes its files by their first bytes and reads their images.
protocol ExecutableFormatReader {
    /// Whether `view` starts as a file of this format.
    static func recognizes(_ view: ByteView) -> Bool
    /// The images in `view` (one, or one per architecture of a universal file).
    static func images(in view: ByteView) throws(BinaryFailure) -> [ExecutableImage]
}

/// The readers, in the order they are tried.
enum ExecutableFormats {
    static var readers: [any ExecutableFormatReader.Type] { [ELFReader.self, MachOReader.self, PEReader.self] }

    /// The images of the file in `view`, or `nil` when no reader recognizes it.
    static func images(in view: ByteView) throws(BinaryFailure) -> [ExecutableImage]? {
        guard let reader = readers.first(where: { $0.recognizes(view) }) else { return nil }
        return try reader.images(in: view)
    }
}
