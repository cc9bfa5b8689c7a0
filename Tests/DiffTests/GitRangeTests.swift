import Advisories
import Audit
import DepwatchTestSupport
import Foundation
import Git
import Testing
@testable import Diff

/// OSV GIT ranges decided with the dependency's repository: pseudo-versions before, at and after the fix.
@Suite struct GitRangeTests {
    /// A library with commits a → b (the fix) → c, an advisory with only a GIT range, and a database.
    static func setUp() throws -> (lib: GitFixture, ids: [String], store: AdvisoryStore, directory: TemporaryDirectory) {
        let lib = try GitFixture()
        let a = try lib.commit("first", ["go.mod": "module example.com/lib\n\ngo 1.21\n", "lfu.go": "package lib\n"])
        let b = try lib.commit("lfu: remove an empty freqEntry in freqList", ["lfu.go": "package lib\n// fixed\n"])
        let c = try lib.commit("later", ["README": "lib\n"])
        let (store, directory) = try TestStore.fresh()
        let advisory = """
            {"id": "x_DEPWATCH-TEST-GIT", "modified": "2024-01-01T00:00:00Z", "summary": "leak before the fix",
             "affected": [{"package": {"ecosystem": "Go", "name": "example.com/lib"},
                           "ranges": [{"type": "GIT", "repo": "https://example.com/lib",
                                       "events": [{"introduced": "0"}, {"fixed": "\(b)"}]}]}],
             "database_specific": {"depwatch": {"kind": "leak"}}}
            """
        try store.importAdvisories(from: [try directory.write("git.json", advisory)])
        return (lib, [a, b, c], store, directory)
    }

    static func goMod(revision: String) -> String {
        "module example.com/svc\n\ngo 1.21\n\nrequire example.com/lib v0.0.0-20210215100000-\(revision.prefix(12))\n"
    }

    func audit(_ revision: String, _ setup: (lib: GitFixture, ids: [String], store: AdvisoryStore, directory: TemporaryDirectory),
               map: Bool) throws -> AuditResult {
        let project = try TemporaryDirectory()
        try project.write("go.mod", Self.goMod(revision: revision))
        var options = AuditOptions(roots: [project.url.path], today: "2026-11-28")
        if map { options.gitRanges = RepositoryMap(["example.com/lib": setup.lib.path]) }
        return try Auditor.audit(options, index: AdvisoryIndex(store: setup.store))
    }

    @Test func pseudoVersionsBeforeAtAndAfterTheFix() throws {
        let setup = try Self.setUp()
        let before = try audit(setup.ids[0], setup, map: true)
        #expect(before.findings.map(\.id) == ["x_DEPWATCH-TEST-GIT"])
        #expect(before.unverifiable.isEmpty)
        let at = try audit(setup.ids[1], setup, map: true)
        #expect(at.findings.isEmpty)
        #expect(at.unverifiable.isEmpty, "decided, not unverifiable")
        let after = try audit(setup.ids[2], setup, map: true)
        #expect(after.findings.isEmpty)
    }

    @Test func withoutTheRepositoryItStaysUnverifiable() throws {
        let setup = try Self.setUp()
        let result = try audit(setup.ids[0], setup, map: false)
        #expect(result.findings.isEmpty)
        #expect(result.unverifiable.first?.reason.contains("GIT range") == true)
    }

    @Test func unknownCommitCannotBeDecided() throws {
        let setup = try Self.setUp()
        let result = try audit(String(repeating: "f", count: 40), setup, map: true)
        #expect(result.findings.isEmpty)
        #expect(result.unverifiable.count == 1)
    }
}

@Suite struct SwiftRevisionPinTests {
    @Test func revisionPinMeetsAGitRangeThroughTheCloneCache() throws {
        let lib = try GitFixture()
        let a = try lib.commit("first", ["Package.swift": "// swift-tools-version:5.9\n"])
        let b = try lib.commit("fix", ["Sources/Lib/Lib.swift": "// fixed\n"])
        let (store, directory) = try TestStore.fresh()
        try store.importAdvisories(from: [try directory.write("swift.json", """
            {"id": "x_DEPWATCH-TEST-SWIFT", "modified": "2024-01-01T00:00:00Z", "summary": "crash before the fix",
             "affected": [{"package": {"ecosystem": "SwiftURL", "name": "https://github.com/example/lib"},
                           "ranges": [{"type": "GIT", "repo": "https://github.com/example/lib",
                                       "events": [{"introduced": "0"}, {"fixed": "\(b)"}]}]}],
             "database_specific": {"depwatch": {"kind": "crash"}}}
            """)])
        let cache = directory.path("clones")
        try FileManager.default.createDirectory(atPath: cache + "/github.com/example", withIntermediateDirectories: true)
        try lib.git("clone", "-q", "--bare", lib.path, cache + "/github.com/example/lib.git", in: directory.url.path)
        func audit(_ revision: String) throws -> AuditResult {
            let project = try TemporaryDirectory()
            try project.write("Package.resolved", """
                {"pins": [{"identity": "lib", "kind": "remoteSourceControl", "location": "https://github.com/example/lib.git",
                           "state": {"branch": "main", "revision": "\(revision)"}}], "version": 2}
                """)
            var options = AuditOptions(roots: [project.url.path], today: "2026-11-28")
            options.gitRanges = RepositoryMap([:], cache: cache)
            return try Auditor.audit(options, index: AdvisoryIndex(store: store))
        }
        let before = try audit(a)
        #expect(before.findings.map(\.id) == ["x_DEPWATCH-TEST-SWIFT"])
        #expect(before.findings.first?.version == "revision " + String(a.prefix(12)))
        #expect(before.unverifiable.count == 1, "its version ranges stay unchecked: a branch pin")
        #expect(try audit(b).findings.isEmpty)
    }
}
