import Foundation

/// Executables written byte by byte for the cases no toolchain here produces, and for hostile ones:
/// a 64-bit little-endian ELF file with the sections given (name, load address, bytes, writable), the
/// section name table and the section headers last; and a universal Mach-O file made of the slices given.
///
/// The older build information layout (Go 1.13 to 1.17, which no toolchain here writes) is
/// `legacyBuildInfo`: in `.go.buildinfo`, the magic `\xff Go buildinf:`, the pointer size (8), flags 0
/// (little-endian pointers, strings not inline), then two pointers; each points to a Go string header
/// (data pointer, length) in `.data`, whose bytes are the version and the module text (with its 16-byte
/// sentinels) — as cmd/link wrote `runtime.buildVersion` and `runtime.modinfo` then.
public enum SyntheticExecutable {
    /// A section to write.
    public struct Section {
        public var name: String
        public var address: UInt64
        public var bytes: [UInt8]
        public var writable: Bool

        /// A section.
        public init(name: String, address: UInt64, bytes: [UInt8], writable: Bool = false) {
            (self.name, self.address, self.bytes, self.writable) = (name, address, bytes, writable)
        }
    }

    /// The ELF file; `patch` may change the bytes at the end (the header is at 0, the section headers at
    /// `sectionHeaders`, 64 bytes each, the first being the null one).
    public static func elf(_ sections: [Section], patch: (inout [UInt8], _ sectionHeaders: Int) -> Void = { _, _ in }) -> [UInt8] {
        var file = [UInt8](repeating: 0, count: 64)
        var offsets: [Int] = []
        for section in sections {
            align(&file, 16)
            offsets.append(file.count)
            file += section.bytes
        }
        var names: [UInt8] = [0], nameOffsets: [Int] = []
        for section in sections + [Section(name: ".shstrtab", address: 0, bytes: [])] {
            nameOffsets.append(names.count)
            names += Array(section.name.utf8) + [0]
        }
        let namesOffset = file.count
        file += names
        align(&file, 8)
        let headers = file.count
        file += [UInt8](repeating: 0, count: 64)  // the null section
        for (index, section) in sections.enumerated() {
            file += sectionHeader(name: nameOffsets[index], type: 1, flags: section.writable ? 3 : 2, address: section.address,
                                  offset: offsets[index], size: section.bytes.count)
        }
        file += sectionHeader(name: nameOffsets[sections.count], type: 3, flags: 0, address: 0, offset: namesOffset, size: names.count)
        put(&file, 0, [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1])
        put(&file, 16, le(2, 2) + le(62, 2) + le(1, 4))
        put(&file, 40, le(UInt64(headers), 8))
        put(&file, 52, le(64, 2) + le(56, 2) + le(0, 2) + le(64, 2) + le(UInt64(sections.count + 2), 2) + le(UInt64(sections.count + 1), 2))
        patch(&file, headers)
        return file
    }

    /// The build information of Go 1.13–1.17: `.go.buildinfo` with pointers into `.data`.
    public static func legacyBuildInfo(version: String, modules: String) -> [UInt8] {
        let data: UInt64 = 0x50_0000
        let sentinelStart: [UInt8] = [0x30, 0x77, 0xAF, 0x0C, 0x92, 0x74, 0x08, 0x02, 0x41, 0xE1, 0xC1, 0x07, 0xE6, 0xD6, 0x18, 0xE6]
        let sentinelEnd: [UInt8] = [0xF9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xD8, 0xF2]
        let versionBytes = Array(version.utf8), moduleBytes = sentinelStart + Array(modules.utf8) + sentinelEnd
        // .data: the two string headers, then the two strings.
        var dataBytes = le(data + 32, 8) + le(UInt64(versionBytes.count), 8)
        dataBytes += le(data + 32 + UInt64(versionBytes.count), 8) + le(UInt64(moduleBytes.count), 8)
        dataBytes += versionBytes + moduleBytes
        var header = [0xFF] + Array(" Go buildinf:".utf8) + [8, 0]
        header += le(data, 8) + le(data + 16, 8)
        return elf([Section(name: ".go.buildinfo", address: 0x40_0000, bytes: header, writable: true),
                    Section(name: ".data", address: data, bytes: dataBytes, writable: true)])
    }

    /// A universal Mach-O file of `slices` (thin Mach-O files), each aligned to 2^14 as lipo aligns them.
    public static func universal(_ slices: [(cpu: UInt32, bytes: [UInt8])]) -> [UInt8] {
        var file = be(0xCAFE_BABE, 4) + be(UInt64(slices.count), 4)
        var offset = 1 << 14
        var bodies: [(Int, [UInt8])] = []
        for slice in slices {
            file += be(UInt64(slice.cpu), 4) + be(0, 4) + be(UInt64(offset), 4) + be(UInt64(slice.bytes.count), 4) + be(14, 4)
            bodies.append((offset, slice.bytes))
            offset += (slice.bytes.count + (1 << 14) - 1) & ~((1 << 14) - 1)
        }
        for (start, bytes) in bodies {
            file += [UInt8](repeating: 0, count: start - file.count)
            file += bytes
        }
        return file
    }

    private static func sectionHeader(name: Int, type: UInt64, flags: UInt64, address: UInt64, offset: Int, size: Int) -> [UInt8] {
        le(UInt64(name), 4) + le(type, 4) + le(flags, 8) + le(address, 8) + le(UInt64(offset), 8) + le(UInt64(size), 8)
            + le(0, 4) + le(0, 4) + le(1, 8) + le(0, 8)
    }

    /// `value` as `width` little-endian bytes.
    public static func le(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    /// `value` as `width` big-endian bytes.
    public static func be(_ value: UInt64, _ width: Int) -> [UInt8] { le(value, width).reversed() }

    /// Overwrites bytes of `file` at `offset`.
    public static func put(_ file: inout [UInt8], _ offset: Int, _ bytes: [UInt8]) {
        file.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
    }

    private static func align(_ file: inout [UInt8], _ alignment: Int) {
        while file.count % alignment != 0 { file.append(0) }
    }
}
