import DepwatchTestSupport
import Foundation
import Testing
@testable import GoBinary

/// The pclntab header forms before the one Go 1.27 writes — Go 1.2–1.15, 1.16–1.17, 1.18–1.19 — and
/// 1.20's, from SyntheticLineTable's generator: every function name read, and (from 1.16) the names of
/// an inline tree.
@Suite struct LineTableFormTests {
    static let functions = ["main.main", "example.com/lib.(*Reader).Read", "example.com/lib.Parse[...]", "runtime.goexit"]

    @Test(arguments: SyntheticLineTable.Form.allCases)
    func everyFunctionAndInlinedCallIsRead(_ form: SyntheticLineTable.Form) throws {
        let inlined = form == .go12 ? [] : ["example.com/lib.parseHeader", "strings.Cut"]
        let elf = SyntheticLineTable.elf(form, functions: Self.functions, inlined: inlined)
        let directory = try TemporaryDirectory()
        let path = try directory.write("binary", Data(elf))
        let functions = try #require(try GoBinary.read(path: path).functions())
        #expect(functions.compiled == Set(Self.functions))
        #expect(functions.inlined == Set(inlined))
        #expect(functions.inlineTreesRead == (form != .go12), "the 1.2 form's inline trees are not read")
    }
}

extension LineTableFormTests {
    /// The file with `replacement` written `at` bytes past the start of its pclntab (negative: `-at` bytes
    /// past the start of its function table).
    static func damaged(_ form: SyntheticLineTable.Form, at offset: Int, _ replacement: [UInt8]) -> [UInt8] {
        var bytes = SyntheticLineTable.elf(form, functions: functions, inlined: ["strings.Cut"])
        let magic: [UInt8] = [0xF1, 0xFF, 0xFF, 0xFF, 0, 0, 1, 8]
        let start = (0...(bytes.count - magic.count)).first { Array(bytes[$0..<($0 + magic.count)]) == magic }!
        let functab = start + Int(bytes[start + 64]) + Int(bytes[start + 65]) << 8
        SyntheticExecutable.put(&bytes, offset >= 0 ? start + offset : functab - offset, replacement)
        return bytes
    }

    @Test(arguments: [
        (8, SyntheticExecutable.le(1 << 40, 8), "a function table of 1099511627776 functions does not fit"),
        (-4, SyntheticExecutable.le(0x7FFF_FFF0, 4), "function 0 is outside the pclntab"),
        (8 + 8 * 3, SyntheticExecutable.le(1 << 50, 8), "does not fit in the"),
    ])
    func aDamagedTableIsAClearError(_ offset: Int, _ replacement: [UInt8], _ message: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("binary", Data(Self.damaged(.go120, at: offset, replacement)))
        let binary = try GoBinary.read(path: path)
        #expect {
            _ = try binary.functions()
        } throws: { error in
            let text = (error as? GoBinaryError)?.localizedDescription ?? ""
            return text.hasPrefix(path + ": byte ") && text.contains(message)
        }
    }
}
