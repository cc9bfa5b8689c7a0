import Foundation
import Git
import Testing

/// Where bisect's checkouts and diff's and scan's revision snapshots are written.
@Suite struct ScratchLocationTests {
    @Test func followsTMPDIRElseATmpfsElseTmp() {
        #expect(ScratchLocation.defaultParent(environment: ["TMPDIR": "/somewhere"], memoryBacked: "/dev/shm") == "/somewhere")
        #expect(ScratchLocation.defaultParent(environment: ["TMPDIR": ""], memoryBacked: "/dev/shm") == "/dev/shm")
        #expect(ScratchLocation.defaultParent(environment: [:], memoryBacked: nil) == "/tmp")
        #expect(ScratchLocation.usableTmpfs("/no/such/mount") == nil)
        #expect(ScratchLocation.usableTmpfs("/proc") == nil, "proc is not a tmpfs")
    }

    @Test func makesPrivateUniqueDirectories() throws {
        let parent = FileManager.default.temporaryDirectory.path
        let first = try #require(ScratchLocation.makeDirectory(in: parent, prefix: "depwatch-test-"))
        let second = try #require(ScratchLocation.makeDirectory(in: parent, prefix: "depwatch-test-"))
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(first != second)
        #expect(URL(fileURLWithPath: first).lastPathComponent.hasPrefix("depwatch-test-"))
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(ScratchLocation.makeDirectory(in: "/no/such/parent", prefix: "x-") == nil)
    }
}
