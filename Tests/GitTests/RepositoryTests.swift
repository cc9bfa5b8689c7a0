import DepwatchTestSupport
import Foundation
import Testing
@testable import Git

@Suite struct RepositoryTests {
    /// main: a → b → c (tags v0.0.1 lightweight on a, v0.0.2 annotated on b), branch `feature` from a.
    static func history() throws -> (GitFixture, [String]) {
        let fixture = try GitFixture()
        let a = try fixture.commit("first", ["go.mod": "module example.com/m\n\ngo 1.21\n", "lfu.go": "package m\n"])
        try fixture.git("tag", "v0.0.1")
        let b = try fixture.commit("lfu: remove an empty freqEntry in freqList", ["lfu.go": "package m\n// fixed\n"])
        try fixture.git("tag", "-a", "v0.0.2", "-m", "release v0.0.2")
        let c = try fixture.commit("third", ["sub/dir/file.txt": "x\n", "lfu.go": nil])
        try fixture.git("branch", "feature", a)
        return (fixture, [a, b, c])
    }

    @Test func resolvesRevisionsOfEveryForm() throws {
        let (fixture, ids) = try Self.history()
        let repository = try Repository(path: fixture.path)
        #expect(try repository.commit("main").id == ids[2])
        #expect(try repository.commit("HEAD~2").id == ids[0])
        #expect(try repository.commit("v0.0.1").id == ids[0])
        #expect(try repository.commit("v0.0.2").id == ids[1], "an annotated tag is peeled to its commit")
        #expect(try repository.commit("v0.0.2^{commit}").id == ids[1])
        #expect(try repository.commit(String(ids[1].prefix(8))).id == ids[1])
        #expect(try repository.commit("feature").id == ids[0])
        let b = try repository.commit(ids[1])
        #expect(b.summary == "lfu: remove an empty freqEntry in freqList")
        #expect(b.parents == [ids[0]])
        #expect(b.shortID == String(ids[1].prefix(12)))
    }

    @Test func missingRevisionIsNotFound() throws {
        let (fixture, _) = try Self.history()
        let repository = try Repository(path: fixture.path)
        #expect { try repository.commit("nope") } throws: { error in
            (error as? GitError)?.isNotFound == true && (error as? GitError)?.operation == "resolve nope"
        }
    }

    @Test func readsBlobsAndListsFilesWithoutACheckout() throws {
        let (fixture, ids) = try Self.history()
        let repository = try Repository(path: fixture.path)
        #expect(try repository.blob(at: ids[0], path: "lfu.go", limit: 100) == .content(Array("package m\n".utf8)))
        #expect(try repository.blob(at: ids[0], path: "lfu.go", limit: 9) == .tooLarge(size: 10), "the size decides before the bytes are read")
        #expect(try repository.blob(at: "main", path: "lfu.go", limit: 100) == nil, "deleted at c")
        #expect(try repository.blob(at: "main", path: "sub/dir/file.txt", limit: 100) == .content(Array("x\n".utf8)))
        #expect(try repository.blob(at: "main", path: "sub", limit: 100) == nil, "a directory is not a blob")
        #expect(try repository.files(at: "main") == ["go.mod", "sub/dir/file.txt"])
        #expect(try repository.files(at: "v0.0.1") == ["go.mod", "lfu.go"])
    }

    @Test func tagsLightweightAndAnnotated() throws {
        let (fixture, ids) = try Self.history()
        let tags = try Repository(path: fixture.path).tags()
        #expect(tags == [Tag(name: "v0.0.1", commit: ids[0], annotated: false), Tag(name: "v0.0.2", commit: ids[1], annotated: true)])
    }

    @Test func walksAndComparesHistory() throws {
        let (fixture, ids) = try Self.history()
        let repository = try Repository(path: fixture.path)
        #expect(try repository.commits(from: "v0.0.1", to: "main").map(\.id) == [ids[1], ids[2]])
        #expect(try repository.commits(from: "main", to: "v0.0.1").isEmpty)
        #expect(try repository.isDescendant("main", of: "v0.0.1"))
        #expect(try !repository.isDescendant("v0.0.1", of: "main"))
        #expect(try !repository.isDescendant("main", of: "main"))
    }

    @Test func checksOutIntoAnotherDirectoryLeavingTheRepositoryAsItWas() throws {
        let (fixture, ids) = try Self.history()
        let before = try fixture.git("status", "--porcelain=v1", "--untracked-files=all")
        let head = try fixture.git("rev-parse", "HEAD")
        let target = fixture.directory.path("checkout")
        try Repository(path: fixture.path).checkout(ids[0], into: target)
        #expect(try String(contentsOfFile: target + "/lfu.go", encoding: .utf8) == "package m\n")
        #expect(!FileManager.default.fileExists(atPath: target + "/sub"))
        #expect(try fixture.git("status", "--porcelain=v1", "--untracked-files=all") == before)
        #expect(try fixture.git("rev-parse", "HEAD") == head)
        #expect(FileManager.default.fileExists(atPath: fixture.path + "/sub/dir/file.txt"))
    }

    @Test func bareAndShallowClones() throws {
        let (fixture, ids) = try Self.history()
        let bare = fixture.directory.path("bare.git")
        try fixture.git("clone", "-q", "--bare", fixture.path, bare, in: fixture.directory.url.path)
        let bareRepository = try Repository(path: bare)
        #expect(bareRepository.isBare)
        #expect(try bareRepository.commit("main").id == ids[2])
        #expect(try bareRepository.blob(at: "v0.0.1", path: "lfu.go", limit: 1 << 20) != nil)
        let shallow = fixture.directory.path("shallow")
        try fixture.git("clone", "-q", "--depth", "1", "file://" + fixture.path, shallow, in: fixture.directory.url.path)
        let shallowRepository = try Repository(path: shallow)
        #expect(shallowRepository.isShallow)
        #expect(try shallowRepository.commit("HEAD").id == ids[2])
        #expect { try shallowRepository.commit(ids[0]) } throws: { ($0 as? GitError)?.isNotFound == true }
    }

    @Test func notARepository() throws {
        let dir = try TemporaryDirectory()
        #expect { try Repository(path: dir.url.path) } throws: { error in
            (error as? GitError)?.operation == "open repository \(dir.url.path)"
        }
    }

    @Test func movesACheckoutFromCommitToCommitWritingOnlyWhatDiffers() throws {
        let fixture = try GitFixture()
        let a = try fixture.commit("a", ["keep": "same\n", "edit": "one\n", "gone": "bye\n", "dir/x": "x\n"])
        let b = try fixture.commit("b", ["edit": "two\n", "gone": nil, "dir/x": nil, "new/y": "y\n"])
        let repository = try Repository(path: fixture.path)
        let target = fixture.directory.path("moving")
        try repository.checkout(a, into: target)
        let kept = try FileManager.default.attributesOfItem(atPath: target + "/keep")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        try repository.checkout(b, into: target, replacing: a)
        #expect(Self.files(target) == ["edit": "two\n", "keep": "same\n", "new/y": "y\n"])
        #expect(try FileManager.default.attributesOfItem(atPath: target + "/keep")[.modificationDate] as? Date == kept,
                "a file both trees share was rewritten")
        try repository.checkout(a, into: target, replacing: b)
        #expect(Self.files(target) == ["dir/x": "x\n", "edit": "one\n", "gone": "bye\n", "keep": "same\n"])
    }

    static func files(_ root: String) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try? String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return files
    }
}
