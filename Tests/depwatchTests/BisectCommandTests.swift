import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch bisect` end to end: interruption, recording an advisory, and usage errors.
@Suite struct BisectCommandTests {
    /// A dependency `example.com/state` whose commit `i` writes `n` = i, tagged v0.1.0 at 0 and v0.2.0 at
    /// 10, and a service requiring it at v0.1.0.
    static func history(count: Int = 16) throws -> (fixture: GitFixture, commits: [String], project: String) {
        let fixture = try GitFixture()
        var commits: [String] = []
        for index in 0..<count {
            commits.append(try fixture.commit("change \(index)", ["n": "\(index)\n"], date: String(format: "2021-03-%02dT08:00:00Z", 1 + index)))
            if index == 0 { try fixture.git("tag", "v0.1.0") }
            if index == 10 { try fixture.git("tag", "v0.2.0") }
        }
        try fixture.directory.write("service/go.mod", "module example.com/service\n\ngo 1.19\n\nrequire example.com/state v0.1.0\n")
        try fixture.directory.write("service/go.sum", "")
        return (fixture, commits, fixture.directory.path("service"))
    }

    @Test func sigintStopsTheTestRemovesTemporaryDirectoriesAndPrintsThePartialTable() throws {
        let (fixture, commits, project) = try Self.history()
        let temporary = try TemporaryDirectory()
        let pidFile = fixture.directory.path("hanging.pid")
        let projectBefore = try String(contentsOfFile: project + "/go.mod", encoding: .utf8)
        // The endpoints answer at once; every commit between hangs until it is stopped.
        let script = """
            n=$(cat "$DEPWATCH_SOURCE/n")
            [ "$n" = 0 ] && exit 0
            [ "$n" = 15 ] && exit 1
            echo $$ > "\(pidFile)"
            exec sleep 37.3737
            """
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["bisect", "--repo", fixture.path, "--good", commits[0], "--bad", commits[15], "--project", project,
                             "--module", "example.com/state", "--", "/bin/sh", "-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.url.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The shell creates the file before it writes the number: wait for the number, not the file.
        func hangingPID() -> Int32? {
            (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { $0.hasSuffix("\n") ? Int32($0.dropLast()) : nil }
        }
        let deadline = Date().addingTimeInterval(30)
        while hangingPID() == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let hanging = try #require(hangingPID())
        #expect(!Snapshot.entries(of: temporary.url.path).isEmpty, "the step's checkout should exist while it runs")
        process.interrupt()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stdout.contains("Interrupted"), "\(stdout)")
        #expect(stdout.contains("good endpoint") && stdout.contains("bad endpoint"))
        #expect(Snapshot.entries(of: temporary.url.path).isEmpty, "left behind: \(Snapshot.entries(of: temporary.url.path))")
        // The stopped test may linger a moment as a zombie until it is reaped; a live one would stay.
        let gone = Date().addingTimeInterval(5)
        while kill(hanging, 0) == 0, Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(hanging, 0) != 0, "the test command still runs")
        #expect(try String(contentsOfFile: project + "/go.mod", encoding: .utf8) == projectBefore)
    }

    @Test func recordWritesAnAdvisoryThatTheAuditReports() throws {
        let (fixture, commits, project) = try Self.history()
        let database = fixture.directory.path("db.sqlite"), advisories = fixture.directory.path("advisories")
        // Bad (leaking) until commit 12, good from there: a fix.
        let result = try CommandRun.depwatch([
            "bisect", "--repo", fixture.path, "--good", commits[15], "--bad", "v0.1.0", "--module", "example.com/state",
            "--record", "--kind", "leak", "--summary", "example.com/state leaks", "--id", "x_DEPWATCH-TEST-0001",
            "--db", database, "--advisories-dir", advisories, "--format", "json",
            "--", "/bin/sh", "-c", #"[ "$(cat "$DEPWATCH_SOURCE/n")" -ge 12 ]"#,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((answer["commit"] as? [String: Any])?["id"] as? String == commits[12])
        let file = advisories + "/x_DEPWATCH-TEST-0001.json"
        let advisory = try String(contentsOfFile: file, encoding: .utf8)
        let schema = TestPaths.shared.appendingPathComponent("schemas/osv-schema.json").path
        #expect(try SchemaValidation.errors(of: advisory, schemaPath: schema, draft: 2020) == [])
        let audit = try CommandRun.depwatch(["audit", project, "--db", database, "--format", "json"])
        #expect(audit.status == 1, "\(audit.stderr)")
        #expect(audit.stdout.contains("\"x_DEPWATCH-TEST-0001\""))
    }

    /// `--heap-profile`: the test writes a profile (here the debug=1 text, from a shell script) and the
    /// judged value is what --focus owns of the in-use objects.
    @Test func heapProfileJudgesWhatTheFocusModuleOwns() throws {
        let (fixture, commits, _) = try Self.history()
        let script = #"""
            n=$(cat "$DEPWATCH_SOURCE/n"); if [ "$n" -ge 12 ]; then c=10; else c=5000; fi
            printf 'heap profile: %s: %s [%s: %s] @ heap/2\n%s: %s [%s: %s] @ 0x1 0x2\n#\t0x1\texample.com/state.(*Cache).grow+0x1\t/s.go:1\n#\t0x2\tmain.main+0x1\t/m.go:1\n\n100: 6400 [100: 6400] @ 0x3\n#\t0x3\truntime.main+0x1\t/r.go:1\n'                 $c $((c*32)) $c $((c*32)) $c $((c*32)) $c $((c*32)) > "$DEPWATCH_HEAP_PROFILE"
            """#
        let result = try CommandRun.depwatch([
            "bisect", "--repo", fixture.path, "--good", commits[15], "--bad", "v0.1.0", "--module", "example.com/state",
            "--heap-profile", "--max-objects", "100", "--format", "json", "--", "/bin/sh", "-c", script,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((answer["commit"] as? [String: Any])?["id"] as? String == commits[12])
        let values = (answer["steps"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
        #expect(Set(values) == [10, 5000], "\(values)")
        let share = try CommandRun.depwatch([
            "bisect", "--repo", fixture.path, "--good", commits[15], "--bad", "v0.1.0", "--heap-profile", "--focus", "example.com/state",
            "--max-share", "50", "--", "/bin/sh", "-c", script,
        ])
        #expect(share.status == 0 && share.stdout.contains(commits[12]), "\(share.stderr)")
        let silent = try CommandRun.depwatch([
            "bisect", "--repo", fixture.path, "--good", commits[15], "--bad", "v0.1.0", "--module", "example.com/state",
            "--heap-profile", "--max-bytes", "1000", "--", "true",
        ])
        #expect(silent.status == 2 && silent.stderr.contains("wrote no heap profile to $DEPWATCH_HEAP_PROFILE"), "\(silent.stderr)")
    }

    @Test(arguments: [
        ["--repo", ".", "--good", "a", "--bad", "b", "--heap-profile", "--module", "m", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--heap-profile", "--max-objects", "1", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--max-objects", "1", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--heap-profile", "--module", "m", "--max-share", "150", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--heap-profile", "--module", "m", "--max-bytes", "1", "--metric", "(\\d+)", "--max", "1", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--metric", "(\\d+)", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--max", "3", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--record", "--", "true"],
        ["--repo", ".", "--good", "a", "--bad", "b", "--on-timeout", "good", "--", "true"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let result = try CommandRun.depwatch(["bisect"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
    }
}
