import DepwatchTestSupport
import Foundation
import Testing
@testable import GoBinary

/// Files that are not Go binaries, damaged ones and hostile ones: each a clear error naming the path
/// (and, for damage, the byte offset), never a crash, never a read past the end.
@Suite struct HostileBinaryTests {
    static let goInfo = SyntheticExecutable.legacyBuildInfo(version: "go1.17.13", modules: LayoutTests.modules)

    /// A hostile or damaged file, and a fragment of the message it must get.
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var bytes: @Sendable () -> [UInt8]
        var message: String
    }

    static let cases: [Case] = [
        Case(description: "an empty file", bytes: { [] }, message: "not an executable depwatch reads"),
        Case(description: "a text file", bytes: { Array("module example.com/x\n".utf8) }, message: "not an executable depwatch reads"),
        Case(description: "an ELF file without Go build information",
             bytes: { SyntheticExecutable.elf([.init(name: ".text", address: 0x1000, bytes: [0xC3])]) }, message: "not a Go binary"),
        Case(description: "ELF class 7", bytes: { patched(goInfo, at: 4, [7]) }, message: "byte 4: ELF class 7"),
        Case(description: "section headers past the end", bytes: { patched(goInfo, at: 40, SyntheticExecutable.le(1 << 40, 8)) },
             message: "runs past the end of the file"),
        Case(description: "65535 section headers", bytes: { patched(goInfo, at: 60, [0xFF, 0xFF]) }, message: "the ELF header table of 65535 entries"),
        Case(description: "section headers of 8 bytes", bytes: { patched(goInfo, at: 58, [8, 0]) }, message: "too small"),
        Case(description: "a section past the end",
             bytes: { SyntheticExecutable.elf([.init(name: ".data", address: 0x1000, bytes: [1, 2, 3], writable: true)]) { file, headers in
                 SyntheticExecutable.put(&file, headers + 64 + 24, SyntheticExecutable.le(UInt64(file.count), 8))
             } }, message: "section 1 (3 bytes) runs past the end"),
        Case(description: "a section of 2^63 bytes",
             bytes: { SyntheticExecutable.elf([.init(name: ".data", address: 0x1000, bytes: [1], writable: true)]) { file, headers in
                 SyntheticExecutable.put(&file, headers + 64 + 32, SyntheticExecutable.le(1 << 63, 8))
             } }, message: "is out of range"),
        Case(description: "a string pointer to no part of the file", bytes: { patchedBuildInfo(at: 16, SyntheticExecutable.le(0xDEAD_0000, 8)) },
             message: "address 0xdead0000 (16 bytes) is in no part of the file"),
        Case(description: "a string of 2^40 bytes", bytes: { patchedData(at: 8, SyntheticExecutable.le(1 << 40, 8)) },
             message: "a build information string of 1099511627776 bytes"),
        Case(description: "an inline string length that never ends",
             bytes: { SyntheticExecutable.elf([.init(name: ".go.buildinfo", address: 0x1000,
                                                     bytes: [0xFF] + Array(" Go buildinf:".utf8) + [8, 2] + [UInt8](repeating: 0, count: 16) + [UInt8](repeating: 0xFF, count: 12),
                                                     writable: true)]) }, message: "varint longer than 9 bytes"),
        Case(description: "an inline string past the end",
             bytes: { SyntheticExecutable.elf([.init(name: ".go.buildinfo", address: 0x1000,
                                                     bytes: [0xFF] + Array(" Go buildinf:".utf8) + [8, 2] + [UInt8](repeating: 0, count: 16) + [0x7F, 0x61],
                                                     writable: true)]) }, message: "byte 97: a build information string of 127 bytes runs past the end of the section that holds it"),
        Case(description: "module text with a line of an unknown kind",
             bytes: { SyntheticExecutable.legacyBuildInfo(version: "go1.17", modules: "path\tx\n\u{1B}]0;pwned\u{07}\tx\n") },
             message: "unknown line kind \"\\x1b]0;pwned\\x07\""),
        Case(description: "a replacement that follows no module", bytes: { SyntheticExecutable.legacyBuildInfo(version: "go1.17", modules: "=>\tx\tv1.0.0\t\n") },
             message: "a replacement (=>) that follows no mod or dep line"),
        Case(description: "a dep line without a version", bytes: { SyntheticExecutable.legacyBuildInfo(version: "go1.17", modules: "dep\tx\n") },
             message: "a dep line needs a module path, a version"),
        Case(description: "Mach-O load commands past the end", bytes: { machO(commands: 1, commandBytes: 0x7FFF_0000) }, message: "the load commands"),
        Case(description: "a Mach-O load command of 0 bytes", bytes: { machO(commands: 1, commandBytes: 16, first: [0x19, 0, 0, 0, 0, 0, 0, 0]) },
             message: "load command 0 claims 0 bytes"),
        Case(description: "4 billion Mach-O load commands in 16 bytes", bytes: { machO(commands: 0xFFFF_FFFF, commandBytes: 16, first: [0x2, 0, 0, 0, 16, 0, 0, 0]) },
             message: "load command 1 is past the 16 bytes of load commands"),
        Case(description: "a universal file with 40 architectures at no offset",
             bytes: { SyntheticExecutable.be(0xCAFE_BABE, 4) + SyntheticExecutable.be(40, 4) + [UInt8](repeating: 0, count: 64) },
             message: "runs past the end"),
        Case(description: "a PE header pointer past the end", bytes: { [0x4D, 0x5A] + [UInt8](repeating: 0, count: 58) + SyntheticExecutable.le(0x7FFF_FFFF, 4) },
             message: "the PE signature"),
        Case(description: "an MZ file without a PE header", bytes: { [0x4D, 0x5A] + [UInt8](repeating: 0, count: 58) + SyntheticExecutable.le(64, 4) + [0, 0, 0, 0] },
             message: "no PE signature"),
    ]

    @Test(arguments: cases)
    func eachIsAClearError(_ hostile: Case) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("binary", Data(hostile.bytes()))
        do {
            let binary = try GoBinary.read(path: path)
            Issue.record("read as a Go binary: \(binary.buildInfo)")
        } catch {
            let message = error.localizedDescription
            #expect(message.hasPrefix(path + ": "), "\(message)")
            #expect(message.contains(hostile.message), "\(message)")
        }
    }

    @Test func aFIFOAndADirectoryAreRefusedWithoutWaiting() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: GoBinaryError.unreadable(path: fifo, reason: "it is not a regular file")) { try GoBinary.read(path: fifo) }
        #expect(throws: GoBinaryError.unreadable(path: directory.url.path, reason: "it is a directory")) { try GoBinary.read(path: directory.url.path) }
        #expect(throws: GoBinaryError.self) { try GoBinary.read(path: directory.path("missing")) }
    }

    /// Every real binary cut at each boundary of its sections and segments (and a byte before it): a
    /// clear error each time, with the offset inside the file.
    @Test(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"),
          arguments: [TestPrograms.Variant.plain, .stripped, .linux386, .darwinArm64, .windows])
    func aBinaryCutAtAnySectionBoundaryIsAClearError(_ variant: TestPrograms.Variant) throws {
        let path = try TestPrograms.shared.get().binary(variant)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let binary = try GoBinary.read(path: path)
        var boundaries = Set<Int>()
        for section in binary.images.flatMap(\.sections) {
            let end: Int = section.offset + section.fileSize
            boundaries.formUnion([section.offset, end, end - 1].filter { $0 > 0 && $0 < whole.count })
        }
        #expect(boundaries.count > 10)
        let directory = try TemporaryDirectory()
        for length in boundaries.sorted() {
            let cut = try directory.write("cut", whole.prefix(length))
            do {
                _ = try GoBinary.read(path: cut)
                Issue.record("\(variant) cut at \(length) of \(whole.count) bytes was read")
            } catch let GoBinaryError.malformed(_, offset, message) {
                #expect(offset <= whole.count, "\(message)")
            } catch {
                Issue.record("\(variant) cut at \(length): \(error)")
            }
        }
    }

    static func patched(_ bytes: [UInt8], at offset: Int, _ replacement: [UInt8]) -> [UInt8] {
        var copy = bytes
        SyntheticExecutable.put(&copy, offset, replacement)
        return copy
    }

    /// The legacy build information with bytes of its `.go.buildinfo` section (at 64) replaced.
    static func patchedBuildInfo(at offset: Int, _ replacement: [UInt8]) -> [UInt8] { patched(goInfo, at: 64 + offset, replacement) }

    /// The legacy build information with bytes of its `.data` section (at 64 + 32, 16-aligned) replaced.
    static func patchedData(at offset: Int, _ replacement: [UInt8]) -> [UInt8] { patched(goInfo, at: 96 + offset, replacement) }

    /// A 64-bit Mach-O header claiming `commands` load commands in `commandBytes`, then `first`.
    static func machO(commands: UInt64, commandBytes: UInt64, first: [UInt8] = []) -> [UInt8] {
        var bytes = SyntheticExecutable.le(0xFEED_FACF, 4) + SyntheticExecutable.le(0x0100_000C, 4) + SyntheticExecutable.le(0, 4)
        bytes += SyntheticExecutable.le(2, 4) + SyntheticExecutable.le(commands, 4) + SyntheticExecutable.le(commandBytes, 4) + [UInt8](repeating: 0, count: 8)
        return bytes + first + [UInt8](repeating: 0, count: max(0, 16 - first.count))
    }
}
