/// The inline trees of a pclntab's functions (FUNCDATA_InlTree, indexed by the PCDATA_InlTreeIndex
/// table): each entry names a function inlined there. The number of entries is not stored; it is one
/// more than the largest index the pc-value table takes.
struct InlineTrees {
    static let treeIndexTable = 2, treeFunctionData = 3

    let image: ExecutableImage
    let header: LineTableHeader
    /// Go 1.18+: the view offset of `moduledata.gofunc`, which funcdata offsets are relative to.
    let functionData: Int?

    /// The trees of `header`'s functions; `nil` when a 1.18+ binary's `gofunc` cannot be found (`module`:
    /// its module data, when already found).
    init?(_ image: ExecutableImage, header: LineTableHeader, address: UInt64, module: ModuleData?, functions: [Int]) throws(BinaryFailure) {
        self.image = image
        self.header = header
        guard header.form == .go118 || header.form == .go120 else {
            functionData = nil
            return
        }
        guard let module = module ?? ModuleData.find(image, header: header, address: address) else { return nil }
        // gofunc is one of the module data's later words (its index moves between Go releases); the same
        // sample of functions with trees judges every candidate.
        let sample = Array(functions.lazy.filter { Self.treeData(image, header, $0) != nil }.prefix(16))
        var found: Int?
        for index in 24..<max(24, min(module.words, 72)) {  // a module data cut short has no candidates
            guard let value = module.word(image, index), value != 0,
                  let candidate = try? image.offset(ofAddress: value, count: 1) else { continue }
            let trial = InlineTrees(image: image, header: header, functionData: candidate)
            if !sample.isEmpty, sample.allSatisfy({ trial.isValid($0) }) {
                found = candidate
                break
            }
        }
        guard let found else { return nil }
        functionData = found
    }

    private init(image: ExecutableImage, header: LineTableHeader, functionData: Int?) {
        self.image = image
        self.header = header
        self.functionData = functionData
    }

    /// The number of pcdata and funcdata entries of the `_func` at `function`.
    private static func counts(_ view: ByteView, _ header: LineTableHeader, _ function: Int) -> (pcdata: Int, funcdata: Int)? {
        let npcdata = header.form == .go116 ? function + header.pointerSize + 24 : function + 28
        guard let pcdata = try? view.u32(npcdata), let funcdata = try? view.u8(function + header.functionHeaderSize - 1) else { return nil }
        return (Int(pcdata), Int(funcdata))
    }

    /// The tree-index table's offset and the raw funcdata value of the tree, when the function has both.
    private static func treeData(_ image: ExecutableImage, _ header: LineTableHeader, _ function: Int) -> (table: Int, tree: UInt64)? {
        let view = image.view
        guard let (pcdata, funcdata) = counts(view, header, function), pcdata > treeIndexTable, funcdata > treeFunctionData,
              let table = try? view.u32(function + header.functionHeaderSize + 4 * treeIndexTable), table != 0 else { return nil }
        let pcdataEnd = function + header.functionHeaderSize + 4 * pcdata
        // 1.16: pointer-sized addresses after the pcdata, aligned (0: none); 1.18+: 32-bit offsets (~0: none).
        let tree: UInt64?, none: UInt64
        if header.form == .go116 {
            let size = header.pointerSize
            tree = try? image.pointer((pcdataEnd + size - 1) / size * size + treeFunctionData * size)
            none = 0
        } else {
            tree = (try? view.u32(pcdataEnd + 4 * treeFunctionData)).map(UInt64.init)
            none = 0xFFFF_FFFF
        }
        guard let tree, tree != none else { return nil }
        return (header.pcValues + Int(table), tree)
    }

    /// The entry size and the offset of the name field in an entry.
    private var entryLayout: (size: Int, name: Int) { header.form == .go120 ? (16, 4) : (20, 12) }

    /// The view offset of the tree, and its number of entries.
    private func tree(_ function: Int) -> (offset: Int, count: Int)? {
        guard let (table, raw) = Self.treeData(image, header, function) else { return nil }
        var count = 0
        PCValueTable.values(image.view.bytes, at: table, end: header.end) { count = max(count, Int($0) + 1) }
        guard count > 0 else { return nil }
        let offset: Int
        if header.form == .go116 {
            guard let mapped = try? image.offset(ofAddress: raw, count: count * entryLayout.size) else { return nil }
            offset = mapped
        } else {
            guard let functionData else { return nil }
            offset = functionData + Int(raw)
        }
        guard offset >= 0, offset + count * entryLayout.size <= image.view.count else { return nil }
        return (offset, count)
    }

    /// Whether every entry of the function's tree names a function of the name table.
    private func isValid(_ function: Int) -> Bool {
        guard let (offset, count) = tree(function) else { return false }
        for entry in 0..<count {
            guard let name = try? image.view.u32(offset + entry * entryLayout.size + entryLayout.name) else { return false }
            let nameOffset = Int(Int32(bitPattern: name))
            guard nameOffset >= 0, header.name(image.view, at: nameOffset) != nil,
                  nameOffset == 0 || image.view.bytes[header.names + nameOffset - 1] == 0 else { return false }
        }
        return true
    }

    /// Calls `each` with the name (its bytes) of every function inlined into the function at `function`.
    func names(of function: Int, _ each: (UnsafeRawBufferPointer) -> Void) throws(BinaryFailure) {
        guard let (offset, count) = tree(function) else { return }
        for entry in 0..<count {
            let field = offset + entry * entryLayout.size + entryLayout.name
            if let name = header.nameBytes(image.view, at: Int(Int32(bitPattern: try image.view.u32(field)))) { each(name) }
        }
    }
}
