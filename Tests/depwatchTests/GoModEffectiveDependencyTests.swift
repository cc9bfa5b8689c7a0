import DepwatchTestSupport
import Foundation
import Testing

/// Every go.mod text `go mod edit -json` accepts gives the same effective dependencies through
/// `depwatch deps --format json`: Go's requirements with its replacements applied as the go command
/// applies them (version-specific before module-wide, never chained, local directories without a version).
@Suite struct GoModEffectiveDependencyTests {
    struct Text: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    /// The corners of the grammar, written for this test (the scenario fixtures of ManifestTests join them).
    static let written: [Text] = [
        Text(name: "no module line", text: "go 1.21\n\nrequire github.com/bluele/gcache v0.0.1\n"),
        Text(name: "no module line, only a replace and a block", text: """
            require (
            \tgithub.com/pkg/errors v0.9.1
            \tgolang.org/x/text v0.3.4 // indirect
            )
            replace github.com/pkg/errors => github.com/fork/errors v0.9.2

            """),
        Text(name: "empty file", text: ""),
        Text(name: "replace of a module not required", text: """
            module example.com/m
            go 1.22
            require example.com/a v1.0.0
            replace example.com/unused => example.com/other v1.0.0
            replace example.com/unused v1.0.0 => ../unused

            """),
        Text(name: "version-specific replace beside a module-wide one", text: """
            module example.com/m
            go 1.22
            require (
            \texample.com/a v1.0.0
            \texample.com/b v1.5.0
            )
            replace example.com/a v1.0.0 => example.com/a v1.0.1
            replace example.com/a => example.com/fork v9.9.9
            replace (
            \texample.com/b v1.4.0 => example.com/b v1.4.1
            \texample.com/b => ./b
            )

            """),
        Text(name: "replacements do not chain", text: """
            module example.com/m
            go 1.22
            require (
            \texample.com/a v1.0.0
            \texample.com/b v1.0.0
            )
            replace example.com/a => example.com/b v1.1.0
            replace example.com/b => example.com/c v1.2.0

            """),
        Text(name: "a replace to a pseudo-version and to a parent directory", text: """
            module example.com/m
            go 1.22
            require example.com/a v1.0.0
            require example.com/b v1.0.0
            replace example.com/a => example.com/a v1.0.1-0.20210215055404-023f43712268
            replace example.com/b v1.0.0 => ..

            """),
        Text(name: "retract intervals and single versions", text: """
            module example.com/m
            go 1.21
            require example.com/a v1.2
            retract [v1.0.0, v1.1.0] // broke everything
            retract (
            \tv1.1.1
            \t[v1.1.2, v1.1.5]
            )

            """),
        Text(name: "tool and ignore directives", text: """
            module example.com/m
            go 1.24
            tool golang.org/x/tools/cmd/stringer
            tool (
            \texample.com/m/cmd/gen
            )
            ignore ./node_modules
            ignore (
            \t./testdata/big
            )
            require golang.org/x/tools v0.30.0

            """),
        Text(name: "CRLF line endings throughout", text: "module example.com/m\r\n\r\ngo 1.21\r\n\r\nrequire (\r\n\tgithub.com/pkg/errors v0.9.1\r\n\tgolang.org/x/sys v0.1.0 // indirect\r\n)\r\n\r\nreplace github.com/pkg/errors => ../errors\r\n"),
        Text(name: "quoted paths and versions, escapes", text: """
            module "example.com/quoted"
            go 1.21
            require (
            \t"github.com/pkg/errors" "v0.9.1"
            \t"example.com/\\x61bc" v1.0.0
            )
            replace "github.com/pkg/errors" v0.9.1 => "github.com/fork/errors" "v0.9.3"

            """),
        Text(name: "exclude beside require", text: """
            module example.com/m
            go 1.21
            require example.com/a v1.2.0
            exclude example.com/a v1.1.0
            exclude (
            \texample.com/a v1.0.0
            )

            """),
        Text(name: "+incompatible and build metadata", text: """
            module example.com/m
            go 1.21
            require (
            \tgithub.com/docker/docker v20.10.16+incompatible
            \tgithub.com/golang/protobuf v1.5
            )

            """),
        Text(name: "godebug and toolchain", text: """
            module example.com/m
            go 1.23.1
            toolchain go1.23.4
            godebug (
            \tdefault=go1.21
            \tpanicnil=1
            )
            require example.com/a v1.0.0

            """),
    ]

    static let fixtures: [Text] = {
        let folder = TestPaths.fixture("gomod")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        return names.compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { Text(name: "fixture \(name)", text: $0) }
        }
    }()

    static let texts = written + fixtures

    /// A dependency as both sides can state it.
    struct Effective: Hashable, CustomStringConvertible {
        var package: String
        var version: String?
        var direct: Bool
        var local: Bool
        var description: String { "\(package)@\(version ?? "-")\(direct ? "" : " indirect")\(local ? " local" : "")" }
    }

    /// `go mod edit -json`'s requirements with Go's replacement rule applied.
    static func goEffective(_ json: [String: Any]) -> [Effective] {
        let replaces = (json["Replace"] as? [[String: [String: String]]]) ?? []
        return ((json["Require"] as? [[String: Any]]) ?? []).map { require in
            let path = require["Path"] as! String, version = require["Version"] as! String
            let direct = (require["Indirect"] as? Bool) != true
            let replacement = replaces.last { $0["Old"]?["Path"] == path && $0["Old"]?["Version"] == version }
                ?? replaces.last { $0["Old"]?["Path"] == path && $0["Old"]?["Version"] == nil }
            guard let new = replacement?["New"] else { return Effective(package: path, version: version, direct: direct, local: false) }
            guard let newVersion = new["Version"] else { return Effective(package: path, version: nil, direct: direct, local: true) }
            return Effective(package: new["Path"]!, version: newVersion, direct: direct, local: false)
        }
    }

    @Test func theTableCoversTheCorners() {
        #expect(Self.written.count >= 12)
    }

    @Test(.enabled(if: GoToolchain.binary != nil), arguments: texts)
    func depsAgreesWithGoModEdit(_ c: Text) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("go.mod", c.text)
        let go = try GoToolchain.run(["mod", "edit", "-json", path], in: dir.url)
        try #require(go.status == 0, "go mod edit -json refuses the text: \(go.stderr)")
        let goJSON = try #require(try JSONSerialization.jsonObject(with: Data(go.stdout.utf8)) as? [String: Any])

        let ours = try CommandRun.depwatch(["deps", "--format", "json", path], in: dir.url)
        #expect(ours.status == 0, "\(ours.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any])
        let manifest = try #require((json["manifests"] as? [[String: Any]])?.first)
        let dependencies = (manifest["dependencies"] as? [[String: Any]]) ?? []
        let effective = dependencies.map {
            Effective(package: $0["package"] as! String, version: $0["version"] as? String,
                      direct: $0["direct"] as? Bool ?? false, local: $0["source"] as? String == "local")
        }
        #expect(effective == Self.goEffective(goJSON))

        let goModule = ((goJSON["Module"] as? [String: Any])?["Path"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        #expect(manifest["module"] as? String == goModule)
        #expect(manifest["go"] as? String == goJSON["Go"] as? String)
        #expect(manifest["toolchain"] as? String == goJSON["Toolchain"] as? String)

        let warnings = (json["warnings"] as? [[String: Any]]) ?? []
        let missingModule = warnings.filter { ($0["message"] as? String)?.contains("no module directive") == true }
        #expect(missingModule.count == (goModule == nil ? 1 : 0))
        if goModule == nil {
            #expect(missingModule.first?["line"] as? Int == 1)
            #expect(ours.stderr.contains("go.mod:1: no module directive"))
            #expect(ours.stderr.contains("go mod edit -module="))
        }
    }
}
