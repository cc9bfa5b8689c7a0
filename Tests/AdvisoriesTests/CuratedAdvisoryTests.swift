import Core
import DepwatchTestSupport
import Foundation
import Testing
@testable import Advisories

@Suite struct CuratedAdvisoryTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("advisories")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()

    @Test func compiledInCopyMatchesTheFolder() throws {
        #expect(CuratedAdvisories.documents.map(\.name) == Self.files, "run scripts/embed-advisories")
        for (name, json) in CuratedAdvisories.documents {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(json == file.trimmingCharacters(in: .newlines), "\(name) differs; run scripts/embed-advisories")
        }
    }

    @Test(arguments: files)
    func validatesAgainstTheOSVSchema(_ name: String) throws {
        let schema = TestPaths.shared.appendingPathComponent("schemas/osv-schema.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
            for e in errors: print(e.message)
            sys.exit(1 if errors else 0)
            """
        let result = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", script, schema, Self.folder.appendingPathComponent(name).path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(arguments: files)
    func idIsPrivateAndNamedAfterTheFile(_ name: String) throws {
        let advisory = try OSVAdvisory(json: try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8))
        #expect(advisory.id.hasPrefix(CuratedAdvisories.idPrefix))
        #expect(name == advisory.id + ".json")
        #expect(advisory.databaseSpecific?.depwatch?.kind != nil)
    }

    @Test func gcacheLeakIsTheFirstEntry() throws {
        let (store, _dir) = try TestStore.fresh()
        _ = _dir
        let gcache = try #require(try store.query(package: "github.com/bluele/gcache", version: "v0.0.1", ecosystem: .go).first)
        #expect(gcache.stored.kind == .leak)
        #expect(gcache.stored.advisory.details?.contains("#71") == true)
        #expect(gcache.verdict?.fixedVersions == ["0.0.2"])
    }
}
