/// Reads the function names of an image's pclntab and of its inline trees.
///
/// The pclntab is `.gopclntab` (ELF), `__gopclntab` (Mach-O), or found in the read-only data by its
/// header (PE, and files without sections). For Go 1.18 and later, inline trees are addressed from
/// `moduledata.gofunc`, found as a stripped binary allows: the module data is the writable word that
/// points at the pclntab and, next to it, at its name table; of its later words, `gofunc` is the one
/// from which the inline trees of the first functions that have them all name functions.
enum FunctionTableReader {
    /// The functions of `image` (with `filter`, only those of its packages), or `nil` when it has no
    /// pclntab. Names are compared as bytes where they are: a String is made only for a name kept.
    static func read(_ image: ExecutableImage, filter: PackageFilter? = nil) throws(BinaryFailure) -> GoFunctions? {
        guard let (header, address, module) = try locate(image) else { return nil }
        let view = image.view
        var compiled = Set<String>(minimumCapacity: filter == nil ? header.functionCount : 64)
        var offsets: [Int] = []
        offsets.reserveCapacity(header.functionCount)
        for index in 0..<header.functionCount {
            let function = try header.function(view, index)
            offsets.append(function)
            if let name = header.nameBytes(view, at: try header.nameOffset(view, function: function)), filter?.keeps(name) ?? true {
                compiled.insert(String(decoding: name, as: UTF8.self))
            }
        }
        guard header.form != .go12, let trees = try InlineTrees(image, header: header, address: address, module: module, functions: offsets) else {
            return GoFunctions(compiled: compiled, inlined: [], inlineTreesRead: false)
        }
        var inlined = Set<String>()
        for function in offsets {
            try trees.names(of: function) { name in
                if filter?.keeps(name) ?? true { inlined.insert(String(decoding: name, as: UTF8.self)) }
            }
        }
        return GoFunctions(compiled: compiled, inlined: inlined, inlineTreesRead: true)
    }

    /// The pclntab's header, its load address, and its module data when finding the table took finding it.
    private static func locate(_ image: ExecutableImage) throws(BinaryFailure) -> (LineTableHeader, UInt64, ModuleData?)? {
        if let section = image.section(named: ".gopclntab") ?? image.section(named: "__gopclntab"), section.fileSize > 0,
           let header = try LineTableHeader.read(image.view, at: section.offset, end: section.offset + section.fileSize) {
            return (header, section.address, nil)
        }
        for part in image.sections where !part.writable && part.fileSize >= 16 {
            if let found = try search(image, part) { return found }
        }
        return nil
    }

    /// A pclntab header in `part` that module data points to (the 1.2 form has none), with that module data.
    private static func search(_ image: ExecutableImage, _ part: ImageSection) throws(BinaryFailure) -> (LineTableHeader, UInt64, ModuleData?)? {
        let bytes = image.view.bytes
        var offset = part.offset
        let end = part.offset + part.fileSize
        while offset + 16 <= end {
            if bytes[offset + 1] == 0xFF, bytes[offset + 2] == 0xFF, bytes[offset + 3] == 0xFF, bytes[offset + 4] == 0, bytes[offset + 5] == 0,
               let header = try? LineTableHeader.read(image.view, at: offset, end: end) {
                let address = part.address + UInt64(offset - part.offset)
                if header.form == .go12 { return (header, address, nil) }
                if let module = ModuleData.find(image, header: header, address: address) { return (header, address, module) }
            }
            offset += 4
        }
        return nil
    }
}
