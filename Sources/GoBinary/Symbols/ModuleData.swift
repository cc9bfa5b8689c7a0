/// `runtime.firstmoduledata`, found without symbols: a pointer-aligned word in writable data equal to the
/// pclntab's address, followed by the address of its function name table.
struct ModuleData {
    /// View offset of the module data, and how many of its words the file holds.
    var offset: Int
    var words: Int

    static func find(_ image: ExecutableImage, header: LineTableHeader, address: UInt64) -> ModuleData? {
        let size = image.pointerSize
        let names = address + UInt64(header.names - header.start)
        for part in image.sections where part.writable && part.fileSize >= 2 * size {
            var offset = part.offset + Int((UInt64(size) - part.address % UInt64(size)) % UInt64(size))
            let end = part.offset + part.fileSize
            while offset + 2 * size <= end {
                if (try? image.pointer(offset)) == address, (try? image.pointer(offset + size)) == names {
                    return ModuleData(offset: offset, words: (end - offset) / size)
                }
                offset += size
            }
        }
        return nil
    }

    /// The word at `index`.
    func word(_ image: ExecutableImage, _ index: Int) -> UInt64? {
        guard index < words else { return nil }
        return try? image.pointer(offset + index * image.pointerSize)
    }
}
