import Foundation

/// pclntabs of the forms no toolchain here writes (Go 1.2–1.15, 1.16–1.17, 1.18–1.19) and of 1.20 on,
/// written from the layouts of runtime/symtab.go at those releases: 64-bit, little-endian, in an ELF
/// file (`.gopclntab`, and for 1.16+ the module data in `.noptrdata` pointing at it, inline trees in
/// `.rodata`; inline build information naming go1.27.0). Each function has a name; the first also an inline tree naming `inlined`, with a
/// PCDATA_InlTreeIndex table that takes each of its indices once.
public enum SyntheticLineTable {
    /// The four header forms.
    public enum Form: String, CaseIterable, Sendable {
        case go12, go116, go118, go120
    }

    static let pclntabAddress: UInt64 = 0x50_0000, rodataAddress: UInt64 = 0x60_0000, moduleAddress: UInt64 = 0x70_0000

    /// The ELF file.
    public static func elf(_ form: Form, functions: [String], inlined: [String]) -> [UInt8] {
        let le = SyntheticExecutable.le
        var names: [UInt8] = [], nameOffsets: [Int] = []
        for name in functions + inlined {
            nameOffsets.append(names.count)
            names += Array(name.utf8) + [0]
        }
        // The inline tree, in .rodata: one entry per inlined function.
        let entrySize = form == .go120 ? 16 : 20
        var tree: [UInt8] = []
        for index in inlined.indices {
            let nameOffset = UInt64(nameOffsets[functions.count + index])
            tree += form == .go120 ? le(0, 4) + le(nameOffset, 4) + le(0, 4) + le(1, 4)
                                   : le(0xFFFF, 2) + le(0, 2) + le(0, 4) + le(1, 4) + le(nameOffset, 4) + le(0, 4)
        }
        precondition(tree.count == inlined.count * entrySize)
        // The tree-index table: 0, 1, … each for one pc step, then back to -1.
        var table: [UInt8] = []
        for _ in inlined.indices { table += [2, 4] }
        if !inlined.isEmpty { table += [UInt8(2 * inlined.count - 1), 4, 0] }
        let pctab: [UInt8] = [0] + table
        let tableOffset = 1

        let header = form == .go12 ? 16 : 8 + 8 * (form == .go116 ? 7 : 8)
        let functab = (functions.count + 1) * (form == .go118 || form == .go120 ? 8 : 16)
        let funcSize = [Form.go12: 40, .go116: 44, .go118: 40, .go120: 44][form]!
        let pcdataCount = inlined.isEmpty ? 0 : 3, funcdataCount = inlined.isEmpty ? 0 : 4
        // Layout (1.2: names and _funcs relative to the table's start; 1.16+: to their own tables).
        let namesStart = form == .go12 ? 0 : header
        let pctabStart = namesStart + names.count
        let pclnStart = (pctabStart + pctab.count + 7) / 8 * 8
        var funcs: [UInt8] = [], funcOffsets: [Int] = []
        for (index, _) in functions.enumerated() {
            funcOffsets.append(functab + funcs.count)
            let nameOffset = UInt64(form == .go12 ? 0 : nameOffsets[index])  // 1.2: set once the names are placed
            let hasTree = index == 0 && !inlined.isEmpty
            let npcdata = hasTree ? pcdataCount : 0, nfuncdata = hasTree ? funcdataCount : 0
            var function: [UInt8]
            switch form {
            case .go12, .go116:
                function = le(0x40_1000 + UInt64(index) * 16, 8) + le(nameOffset, 4) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4)
                    + le(UInt64(npcdata), 4) + le(0, 4) + [0, 0, 0, UInt8(nfuncdata)]
                if form == .go12 { function = Array(function.prefix(32)) + le(0, 4) + [0, 0, 0, 0] }
            case .go118, .go120:
                function = le(UInt64(index) * 16, 4) + le(nameOffset, 4) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4)
                    + le(UInt64(npcdata), 4) + le(0, 4) + (form == .go120 ? le(1, 4) : []) + [0, 0, 0, UInt8(nfuncdata)]
            }
            precondition(function.count == funcSize)
            if hasTree {
                function += le(0, 4) + le(0, 4) + le(UInt64(tableOffset), 4)
                if form == .go116 {
                    while (functab + funcs.count + function.count) % 8 != 0 { function += [0] }
                    function += le(0, 8) + le(0, 8) + le(0, 8) + le(rodataAddress, 8)
                } else {
                    function += le(0, 4) + le(0, 4) + le(0, 4) + le(0x10, 4)  // the tree, 0x10 past gofunc
                }
            }
            while function.count % 8 != 0 { function += [0] }
            funcs += function
        }
        var pcln: [UInt8] = []
        for (index, offset) in funcOffsets.enumerated() {
            // 1.2: offsets from the table's start (the 16-byte header precedes the function table).
            let relative = UInt64(offset + (form == .go12 ? header : 0))
            pcln += form == .go118 || form == .go120 ? le(UInt64(index) * 16, 4) + le(relative, 4) : le(0x40_1000 + UInt64(index) * 16, 8) + le(relative, 8)
        }
        pcln += form == .go118 || form == .go120 ? le(UInt64(functions.count) * 16, 4) + le(0, 4) : le(0x40_1000 + UInt64(functions.count) * 16, 8) + le(0, 8)
        pcln += funcs
        let magic: UInt64 = [Form.go12: 0xFFFF_FFFB, .go116: 0xFFFF_FFFA, .go118: 0xFFFF_FFF0, .go120: 0xFFFF_FFF1][form]!
        var headerBytes = le(magic, 4) + [0, 0, 1, 8] + le(UInt64(functions.count), 8)
        switch form {
        case .go12:
            // functab right after the header; names and pc tables after the functions.
            var whole = headerBytes + pcln
            let fixedNames = whole.count
            whole += names
            // Rewrite each _func's nameoff to point at the names placed after the functions.
            for (index, offset) in funcOffsets.enumerated() {
                SyntheticExecutable.put(&whole, 16 + offset + 8, le(UInt64(fixedNames + nameOffsets[index]), 4))
            }
            return wrap(whole, tree: tree, form: form, namesOffset: UInt64(fixedNames))
        case .go116:
            headerBytes += le(0, 8) + le(UInt64(namesStart), 8) + le(0, 8) + le(0, 8) + le(UInt64(pctabStart), 8) + le(UInt64(pclnStart), 8)
        case .go118, .go120:
            headerBytes += le(0, 8) + le(0, 8) + le(UInt64(namesStart), 8) + le(0, 8) + le(0, 8) + le(UInt64(pctabStart), 8) + le(UInt64(pclnStart), 8)
        }
        precondition(headerBytes.count == header)
        var whole = headerBytes + names + pctab
        whole += [UInt8](repeating: 0, count: pclnStart - whole.count)
        whole += pcln
        return wrap(whole, tree: tree, form: form, namesOffset: UInt64(namesStart))
    }

    /// The ELF file around a pclntab: the module data (1.16+) with `gofunc` 0x10 before the tree.
    private static func wrap(_ pclntab: [UInt8], tree: [UInt8], form: Form, namesOffset: UInt64) -> [UInt8] {
        let le = SyntheticExecutable.le
        var module = le(pclntabAddress, 8) + le(pclntabAddress + namesOffset, 8)
        module += [UInt8](repeating: 0, count: 8 * 36)
        module += le(rodataAddress - 0x10, 8)  // word 38: gofunc (Go 1.18's index)
        module += [UInt8](repeating: 0, count: 8 * 8)
        let version = Array("go1.27.0".utf8), modules = Array("path\texample.com/synthetic\n".utf8)
        let buildInfo = [0xFF] + Array(" Go buildinf:".utf8) + [8, 2] + [UInt8](repeating: 0, count: 16)
            + [UInt8(version.count)] + version + [UInt8(modules.count)] + modules
        var sections = [SyntheticExecutable.Section(name: ".go.buildinfo", address: 0x40_0000, bytes: buildInfo, writable: true),
                        SyntheticExecutable.Section(name: ".gopclntab", address: pclntabAddress, bytes: pclntab),
                        SyntheticExecutable.Section(name: ".rodata", address: rodataAddress - 0x10, bytes: [UInt8](repeating: 0, count: 0x10) + tree)]
        if form != .go12 { sections.append(SyntheticExecutable.Section(name: ".noptrdata", address: moduleAddress, bytes: module, writable: true)) }
        return SyntheticExecutable.elf(sections)
    }
}
