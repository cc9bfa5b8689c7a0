import DepwatchTestSupport
import Foundation
import Testing
@testable import Manifest

@Suite struct DiscoveryTests {
    @Test func findsManifestsAndSkipsVendoredAndBuildFolders() throws {
        let dir = try TemporaryDirectory()
        for path in ["go.mod", "a/go.mod", "a/go.work", "ios/Package.resolved", "vendor/x/go.mod", ".git/go.mod",
                     ".build/checkouts/p/Package.resolved", "web/node_modules/m/go.mod", "a/testdata/go.mod", "a/go.sum", "notes.txt"] {
            try dir.write(path, "")
        }
        let (found, errors, _) = ManifestDiscovery.find([dir.url.path])
        #expect(errors.isEmpty)
        let root = dir.url.path
        #expect(found.map { String($0.path.dropFirst(root.count + 1)) } == ["a/go.mod", "a/go.work", "go.mod", "ios/Package.resolved"])
    }

    @Test func symbolicLinkLoopEnds() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module x\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path("svc/loop"), withDestinationPath: dir.path("svc"))
        try FileManager.default.createSymbolicLink(atPath: dir.path("svc/up"), withDestinationPath: "..")
        let (found, _, _) = ManifestDiscovery.find([dir.url.path])
        #expect(found.count == 1)
    }

    @Test func pathsStayAsTheUserWroteThem() throws {
        let dir = try TemporaryDirectory()
        try dir.write("svc/go.mod", "module x\n")
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir.url.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(ManifestDiscovery.find(["svc"]).found.map(\.path) == ["svc/go.mod"])
        #expect(ManifestDiscovery.find(["./svc/"]).found.map(\.path) == ["svc/go.mod"])
        #expect(ManifestDiscovery.find(["svc/go.mod"]).found.map(\.path) == ["svc/go.mod"])
    }

    @Test func missingPathAndUnknownFileAreErrors() throws {
        let dir = try TemporaryDirectory()
        try dir.write("README.md", "hi")
        let (_, errors, _) = ManifestDiscovery.find([dir.path("nope"), dir.path("README.md")])
        #expect(errors.map(\.message) == ["no such file or directory",
                                          "not a manifest depwatch reads (go.mod, go.work, Package.resolved) nor an executable; name one of those, a Go binary or a directory"])
    }

    @Test func oversizedAndBinaryFilesAreRefused() throws {
        let dir = try TemporaryDirectory()
        let big = try dir.write("big/go.mod", Data(repeating: UInt8(ascii: " "), count: ManifestFile.maximumSize + 1))
        let binary = try dir.write("bin/go.mod", Data([0x6D, 0x00, 0xFF, 0x01]))
        #expect(throws: ManifestError.tooLarge(path: big, bytes: ManifestFile.maximumSize + 1, limit: ManifestFile.maximumSize)) {
            try FileSystemSource().text(big)
        }
        #expect(throws: ManifestError.notText(path: binary)) { try FileSystemSource().text(binary) }
    }

    /// `utf8` (the bytes a go.sum is scanned from) refuses and accepts exactly what `read` does.
    @Test(arguments: [
        ("nul", [0x61, 0x00, 0x62], false),
        ("truncated-sequence", [0x61, 0xC3], false),
        ("overlong", [0xC0, 0xAF], false),
        ("surrogate", [0xED, 0xA0, 0x80], false),
        ("stray-continuation", [0x80, 0x61], false),
        ("multi-byte", Array("é ✓ 𝄞\n".utf8), true),
        ("empty", [], true),
    ] as [(String, [UInt8], Bool)])
    func bytesAreGuardedLikeText(name: String, content: [UInt8], isText: Bool) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("\(name)/go.sum", Data(content))
        if isText {
            #expect(try FileSystemSource().utf8(path) == content)
            #expect(try Array(FileSystemSource().text(path).utf8) == content)
        } else {
            #expect(throws: ManifestError.notText(path: path)) { try FileSystemSource().utf8(path) }
            #expect(throws: ManifestError.notText(path: path)) { try FileSystemSource().text(path) }
        }
    }

    /// A FIFO named like a manifest is never opened for reading (it would wait forever): discovery skips it
    /// with a warning, and named explicitly it is an error.
    @Test func aFIFOIsNeverWaitedOn() throws {
        let dir = try TemporaryDirectory()
        try dir.write("ok/go.mod", "module example.com/ok\n\ngo 1.21\n")
        try FileManager.default.createDirectory(atPath: dir.path("pipe"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.path("pipe/go.mod"), 0o600) == 0)
        let (found, _, warnings) = ManifestDiscovery.find([dir.path("")])
        #expect(found.map(\.path) == [PathName.clean(dir.path("ok/go.mod"))])
        #expect(warnings.map(\.message) == ["not a regular file (a FIFO, socket or device); skipped"])
        #expect(warnings.map(\.code) == [.notRegularFile])
        let explicit = InventoryLoader.load([dir.path("pipe/go.mod")])
        #expect(explicit.errors.map(\.message) == ["cannot read the file: it is not a regular file"])
        #expect(explicit.errors.map(\.code) == [.unreadable])
    }

    @Test func oneBadManifestDoesNotStopTheOthers() throws {
        let dir = try TemporaryDirectory()
        try dir.write("good/go.mod", "module good\ngo 1.21\nrequire github.com/bluele/gcache v0.0.1\n")
        try dir.write("bad/go.mod", "module bad\nrequire x 1.0\n")
        let inventory = InventoryLoader.load([dir.url.path])
        #expect(inventory.manifests.map(\.module) == ["good"])
        #expect(inventory.errors.count == 1)
        #expect(inventory.errors.first?.line == 2)
    }
}
