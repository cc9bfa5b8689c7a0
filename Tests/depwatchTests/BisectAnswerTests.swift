import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch bisect` answers as a user reads them: errors on stderr, revision errors that say how to get
/// the revision, a `--tags` answer headed as a release with the command that narrows it, a recorded
/// advisory with a URL, `fixed` at the release, and no second finding for a problem already recorded.
@Suite struct BisectAnswerTests {
    /// `example.com/state` (or `module`): commit `i` writes `n` = i; releases v0.1.0 at 0, v0.2.0 at 5,
    /// v0.3.0 at 10. A service requires it at v0.2.0. The test below calls `n >= 8` good: fixed at commit 8.
    static func history(module: String = "example.com/state") throws -> (fixture: GitFixture, commits: [String], project: String) {
        let fixture = try GitFixture()
        var commits: [String] = []
        for index in 0..<14 {
            commits.append(try fixture.commit("change \(index)", ["n": "\(index)\n"], date: String(format: "2021-03-%02dT08:00:00Z", 1 + index)))
            if let tag = [0: "v0.1.0", 5: "v0.2.0", 10: "v0.3.0"][index] { try fixture.git("tag", tag) }
        }
        try fixture.directory.write("service/go.mod", "module example.com/service\n\ngo 1.19\n\nrequire \(module) v0.2.0\n")
        try fixture.directory.write("service/go.sum", "")
        return (fixture, commits, fixture.directory.path("service"))
    }

    static let fixedAtEight = ["--", "/bin/sh", "-c", #"[ "$(cat "$DEPWATCH_SOURCE/n")" -ge 8 ]"#]

    @Test func aFailedBisectionSaysWhyOnStandardError() throws {
        let (fixture, commits, _) = try Self.history()
        let result = try CommandRun.depwatch(["bisect", "--repo", fixture.path, "--good", commits[13], "--bad", commits[0],
                                              "--module", "example.com/state", "--", "true"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("Failed:"), "the table stays on stdout")
        #expect(result.stderr.contains("depwatch: bisect failed: both endpoints are good"), "\(result.stderr)")
    }

    @Test(arguments: ["--good", "--bad"])
    func aMissingRevisionNamesTheFlagTheRepositoryAndTheFetch(_ flag: String) throws {
        let (fixture, commits, _) = try Self.history()
        let (good, bad) = flag == "--good" ? ("v0.0.3", commits[0]) : (commits[13], "v9.9.9")
        let result = try CommandRun.depwatch(["bisect", "--repo", fixture.path, "--good", good, "--bad", bad] + Self.fixedAtEight)
        #expect(result.status == 2)
        let repository = URL(fileURLWithPath: fixture.path).standardizedFileURL.path
        #expect(result.stderr.contains("\(flag) \(flag == "--good" ? good : bad): no such revision in \(repository)"), "\(result.stderr)")
        #expect(result.stderr.contains("git -C \(repository) fetch --tags"))
        #expect(!result.stderr.contains("revspec"))
    }

    @Test func tagsAnswerIsAReleaseAndTheNarrowingCommandFindsTheCommit() throws {
        let (fixture, commits, _) = try Self.history()
        let result = try CommandRun.depwatch(["bisect", "--repo", fixture.path, "--good", "v0.3.0", "--bad", "v0.1.0", "--tags",
                                              "--module", "example.com/state"] + Self.fixedAtEight)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("First good release: v0.3.0 (\(commits[10].prefix(12)))"), "\(result.stdout)")
        #expect(!result.stdout.contains("First good commit"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let hint = try #require(lines.firstIndex { $0.contains("after v0.2.0 up to v0.3.0") }, "\(result.stdout)")
        let command = lines[hint + 1].trimmingCharacters(in: .whitespaces)
        #expect(command.hasPrefix("depwatch bisect --repo "))
        #expect(command.contains("--good v0.3.0 --bad v0.2.0") && !command.contains("--tags"))
        // The printed command, run as printed, finds the fixing commit.
        let narrowed = try CommandRun.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" " + command.dropFirst("depwatch ".count), TestPaths.binary.path])
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(narrowed.stdout.contains("First good commit (the fix): \(commits[8])"), "\(narrowed.stdout)")
    }

    /// Records the fix found between the service's release and a later commit; returns the advisory JSON.
    static func record(_ fixture: GitFixture, repository: String, database: String, id: String? = nil,
                       module: String = "example.com/state", extra: [String] = []) throws -> (result: CommandResult, advisory: [String: Any]?) {
        let advisories = fixture.directory.path("advisories-\(UUID().uuidString)")
        let result = try CommandRun.depwatch(["bisect", "--repo", repository, "--good", "v0.3.0", "--bad", "v0.2.0", "--module", module,
                                              "--record", "--summary", "state leaks", "--db", database, "--advisories-dir", advisories]
                                             + (id.map { ["--id", $0] } ?? []) + extra + fixedAtEight)
        let file = (try? FileManager.default.contentsOfDirectory(atPath: advisories))?.first.map { advisories + "/" + $0 }
        let advisory = try file.map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as? [String: Any] } ?? nil
        return (result, advisory)
    }

    static func ranges(_ advisory: [String: Any]?) -> [[String: Any]] {
        ((advisory?["affected"] as? [[String: Any]])?.first?["ranges"] as? [[String: Any]]) ?? []
    }

    @Test func theRecordedRepositoryIsAURLNotAPath() throws {
        let (fixture, _, _) = try Self.history(module: "github.com/acme/state")
        let clone = fixture.directory.path("clone")
        try fixture.git("clone", "-q", fixture.path, clone, in: fixture.directory.url.path)
        let derived = try Self.record(fixture, repository: clone, database: fixture.directory.path("a.sqlite"), module: "github.com/acme/state")
        #expect(derived.result.status == 0, "\(derived.result.stderr)")
        #expect(Self.ranges(derived.advisory).first { $0["type"] as? String == "GIT" }?["repo"] as? String == "https://github.com/acme/state")

        try fixture.git("remote", "set-url", "origin", "git@gitlab.example.org:team/state.git", in: clone)
        let origin = try Self.record(fixture, repository: clone, database: fixture.directory.path("b.sqlite"), module: "github.com/acme/state")
        #expect(Self.ranges(origin.advisory).first { $0["type"] as? String == "GIT" }?["repo"] as? String == "https://gitlab.example.org/team/state")

        let (local, _, _) = try Self.history()
        let localClone = local.directory.path("clone")
        try local.git("clone", "-q", local.path, localClone, in: local.directory.url.path)
        let pathOnly = try Self.record(local, repository: localClone, database: local.directory.path("c.sqlite"))
        #expect(pathOnly.result.stderr.contains("warning: the repository's only known location is the local path"), "\(pathOnly.result.stderr)")
        let explicit = try Self.record(local, repository: localClone, database: local.directory.path("d.sqlite"),
                                       extra: ["--repo-url", "https://git.example.com/state"])
        #expect(Self.ranges(explicit.advisory).first { $0["type"] as? String == "GIT" }?["repo"] as? String == "https://git.example.com/state")
        #expect(!explicit.result.stderr.contains("warning"))
    }

    @Test func aFixIsRecordedAtTheReleaseThatContainsItAndAuditSaysUpgradeToIt() throws {
        let (fixture, commits, project) = try Self.history()
        let database = fixture.directory.path("db.sqlite")
        let recorded = try Self.record(fixture, repository: fixture.path, database: database, id: "x_DEPWATCH-TEST-0001")
        #expect(recorded.result.status == 0, "\(recorded.result.stderr)")
        let semver = try #require(Self.ranges(recorded.advisory).first { $0["type"] as? String == "SEMVER" })
        #expect((semver["events"] as? [[String: String]])?.last == ["fixed": "0.3.0"])
        let git = try #require(Self.ranges(recorded.advisory).first { $0["type"] as? String == "GIT" })
        #expect((git["events"] as? [[String: String]])?.last == ["fixed": commits[8]])
        let bisect = ((recorded.advisory?["database_specific"] as? [String: Any])?["depwatch"] as? [String: Any])?["bisect"] as? [String: Any]
        #expect((bisect?["pseudo_version"] as? String)?.hasPrefix("v0.2.1-0.20210309080000-") == true, "\(String(describing: bisect))")
        let audit = try CommandRun.depwatch(["audit", project, "--db", database])
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("x_DEPWATCH-TEST-0001  example.com/state@v0.2.0  leak  fixed in v0.3.0"), "\(audit.stdout)")
        #expect(audit.stdout.contains("go get example.com/state@v0.3.0"))
    }

    @Test func recordingOverAnExistingAdvisoryOfTheSameVersionsGivesOneFinding() throws {
        let (fixture, _, project) = try Self.history()
        let database = fixture.directory.path("db.sqlite")
        _ = try Self.record(fixture, repository: fixture.path, database: database, id: "x_DEPWATCH-TEST-0001")
        let again = try Self.record(fixture, repository: fixture.path, database: database)
        #expect(again.result.status == 0, "\(again.result.stderr)")
        #expect(again.result.stderr.contains("x_DEPWATCH-TEST-0001 already covers example.com/state at v0.2.0 and not at v0.3.0"),
                "\(again.result.stderr)")
        #expect(again.advisory?["related"] as? [String] == ["x_DEPWATCH-TEST-0001"])
        let audit = try CommandRun.depwatch(["audit", project, "--db", database, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let findings = (json["findings"] as? [[String: Any]]) ?? []
        #expect(findings.count == 1, "\(findings.map { $0["id"] ?? "" })")
        #expect(findings.first?["id"] as? String == "x_DEPWATCH-TEST-0001")
        // Passing the existing id updates that advisory instead of relating a new one to it.
        let update = try Self.record(fixture, repository: fixture.path, database: database, id: "x_DEPWATCH-TEST-0001")
        #expect(update.result.status == 0)
        #expect(!update.result.stderr.contains("x_DEPWATCH-TEST-0001 already covers"))
    }
}

/// The upgrade planner moves users to a release when one clears what a pseudo-version would.
@Suite struct UpgradeToReleaseTests {
    @Test func aReleaseIsPreferredToAPseudoVersionThatClearsTheSame() throws {
        let dir = try TemporaryDirectory()
        func advisory(_ id: String, _ events: String) -> String {
            """
            {"schema_version": "1.3.1", "id": "\(id)", "modified": "2024-01-01T00:00:00Z", "summary": "\(id)",
             "affected": [{"package": {"ecosystem": "Go", "name": "example.com/lib"},
                           "ranges": [{"type": "SEMVER", "events": [\(events)]}]}]}
            """
        }
        // A is fixed by a commit after v0.2.0; B affects versions after it up to the v0.3.0 release.
        try dir.write("in/a.json", advisory("GO-2099-0001", #"{"introduced": "0"}, {"fixed": "0.2.1-0.20210309080000-0123456789ab"}"#))
        try dir.write("in/b.json", advisory("GO-2099-0002", #"{"introduced": "0.2.5"}, {"fixed": "0.3.0"}"#))
        let db = dir.path("db.sqlite")
        #expect(try CommandRun.depwatch(["db", "import", dir.path("in"), "--db", db]).status == 0)
        try dir.write("svc/go.mod", "module example.com/svc\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n")
        let audit = try CommandRun.depwatch(["audit", dir.path("svc"), "--db", db, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let upgrade = try #require((json["upgrades"] as? [[String: Any]])?.first)
        #expect(upgrade["to"] as? String == "v0.3.0")
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["fixed"] as? String == "v0.2.1-0.20210309080000-0123456789ab", "the finding still says what fixed it")
    }
}

/// Every command's errors reach standard error (a CI log that keeps only stderr keeps the reason); what
/// stays on standard output is the report.
@Suite struct ErrorStreamTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var status: Int32
        var stderr: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "audit of a malformed go.mod", arguments: ["audit", "@dir/bad"], status: 2, stderr: "go.mod:3:"),
        Case(name: "audit with nothing to scan", arguments: ["audit", "@dir/empty"], status: 3, stderr: "no manifest"),
        Case(name: "deps of a malformed go.mod", arguments: ["deps", "@dir/bad"], status: 2, stderr: "go.mod:3:"),
        Case(name: "diff with a missing base", arguments: ["diff", "--repo", "@repo", "--base", "origin/nope"], status: 2, stderr: "git fetch origin nope"),
        Case(name: "scan of a missing repository", arguments: ["scan", "@dir/missing", "--history", "@dir/h.sqlite"], status: 2, stderr: "missing"),
        Case(name: "report of a run that does not exist", arguments: ["report", "--run", "999", "--history", "@dir/h.sqlite"], status: 2, stderr: "999"),
        Case(name: "db import of a missing file", arguments: ["db", "import", "@dir/nope.json"], status: 2, stderr: "nope.json"),
        Case(name: "db import --strict of an invalid file", arguments: ["db", "import", "--strict", "@dir/invalid.json"], status: 2, stderr: "invalid.json:1:"),
        Case(name: "history import of a file that is not a shard", arguments: ["history", "import", "@dir/invalid.json", "--history", "@dir/h.sqlite"],
             status: 2, stderr: "not a depwatch.scan/1 file"),
        Case(name: "bisect with a missing revision", arguments: ["bisect", "--repo", "@repo", "--good", "v0.0.3", "--bad", "HEAD", "--", "true"],
             status: 2, stderr: "--good v0.0.3: no such revision"),
        Case(name: "a usage error", arguments: ["audit", "--fail-on", "sometimes"], status: 64, stderr: "sometimes"),
    ]

    @Test(arguments: cases)
    func errorsGoToStandardError(_ c: Case) throws {
        let fixture = try GitFixture()
        try fixture.commit("base", ["go.mod": "module example.com/svc\n\ngo 1.21\n"])
        let dir = fixture.directory
        try dir.write("bad/go.mod", "module example.com/bad\n\nrequire (\n")
        try FileManager.default.createDirectory(atPath: dir.path("empty"), withIntermediateDirectories: true)
        try dir.write("invalid.json", "{")
        let arguments = c.arguments.map { $0.replacingOccurrences(of: "@dir", with: dir.url.path).replacingOccurrences(of: "@repo", with: fixture.path) }
        let result = try CommandRun.depwatch(arguments, environment: ["DEPWATCH_DB": dir.path("db.sqlite")])
        #expect(result.status == c.status, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(c.stderr), "stderr: \(result.stderr)")
        // bisect's report (on stdout) says why it failed too; every other command keeps errors off stdout.
        if arguments[0] != "bisect" { #expect(!result.stdout.contains(c.stderr), "the error is on stdout: \(result.stdout)") }
    }
}
