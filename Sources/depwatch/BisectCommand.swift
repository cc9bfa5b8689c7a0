import Advisories
import ArgumentParser
import Audit
import Bisect
import Core
import Dispatch
import Foundation
import Report
import Manifest

extension Verdict: ExpressibleByArgument {}

extension Depwatch {
    /// `depwatch bisect`: the commit or release of a dependency that introduced or fixed a problem.
    struct BisectCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bisect",
            abstract: "Find the commit of a dependency that introduced or fixed a problem, judged by your test.",
            discussion: """
                Each candidate is checked out into a temporary directory; with --project pointing at a Go module, \
                the test runs there with GOFLAGS=-modfile=<a copy of its go.mod replacing the module with the checkout>. \
                The test also gets DEPWATCH_SOURCE, DEPWATCH_REVISION and DEPWATCH_VERSION. Exit codes: 0 with an \
                answer (found or ambiguous), 2 on an error or an interruption (the partial table is printed).
                """
        )

        @Option(help: ArgumentHelp("A local clone of the dependency (work tree or bare).", valueName: "path")) var repo: String
        @Option(help: ArgumentHelp("A revision where the problem is absent.", valueName: "rev")) var good: String
        @Option(help: ArgumentHelp("A revision where it is present.", valueName: "rev")) var bad: String
        @Flag(help: "Bisect release tags only, ordered by version.") var tags = false
        @Option(help: ArgumentHelp("The project to wire the dependency into (a Go module gets a temporary go.mod).", valueName: "dir"))
        var project: String?
        @Option(help: ArgumentHelp("The dependency's module path (default: its go.mod's module line).", valueName: "path"))
        var module: String?
        @Option(help: ArgumentHelp("Judge by a number: the first capture group of this regular expression in the output.", valueName: "regex"))
        var metric: String?
        @Option(help: ArgumentHelp("With --metric: good at or below this value.", valueName: "n")) var max: Double?
        @Option(help: ArgumentHelp("With --metric: good at or above this value.", valueName: "n")) var min: Double?
        @Flag(help: "Judge by a heap profile the test writes to $DEPWATCH_HEAP_PROFILE: what --focus owns of the in-use heap.")
        var heapProfile = false
        @Option(help: ArgumentHelp("With --heap-profile: the module whose share is judged (default: --module).", valueName: "module"))
        var focus: String?
        @Option(help: ArgumentHelp("With --heap-profile: good when the module owns at most this many in-use objects.", valueName: "n"))
        var maxObjects: Double?
        @Option(help: ArgumentHelp("With --heap-profile: good when the module owns at most this many in-use bytes.", valueName: "n"))
        var maxBytes: Double?
        @Option(help: ArgumentHelp("With --heap-profile: good when the module owns at most this percentage of the in-use objects.", valueName: "percent"))
        var maxShare: Double?
        @Option(help: "Runs per step; the step's verdict is their median.") var runs = 1
        @Option(help: ArgumentHelp("Seconds a run may take.", valueName: "seconds")) var timeout: Double?
        @Option(help: "The verdict of a run that timed out: skip or bad.") var onTimeout: Verdict = .skip
        @Option(help: "text or json.") var format = FormatOption<BisectReport>(.table)
        @Flag(help: "Turn the answer into an OSV advisory, add it to the database and write it to --advisories-dir.")
        var record = false
        @Option(help: "With --record: the kind (leak, crash, performance, correctness, security, unmaintained).") var kind = "leak"
        @Option(help: "With --record: the advisory's one-line summary.") var summary: String?
        @Option(help: "With --record: the advisory id (default x_DEPWATCH-YEAR-COMMIT).") var id: String?
        @Option(help: ArgumentHelp("With --record: where to write the advisory JSON.", valueName: "dir")) var advisoriesDir = "advisories"
        @Option(help: ArgumentHelp("With --record: the dependency repository's public URL (default: the clone's origin, or one derived from the module path).",
                                   valueName: "url"))
        var repoUrl: String?
        @OptionGroup var database: DatabaseOptions
        @Argument(parsing: .postTerminator, help: ArgumentHelp("The test command, after --.", valueName: "command"))
        var command: [String] = []

        func validate() throws {
            guard TestCommand(command) != nil else { throw ValidationError("give the test command after --, e.g. -- go run ./memtest") }
            if metric != nil, (max == nil) == (min == nil) { throw ValidationError("--metric needs exactly one of --max or --min") }
            if metric == nil, max != nil || min != nil { throw ValidationError("--max and --min need --metric") }
            if let metric, let problem = Judge.validate(pattern: metric) { throw ValidationError(problem) }
            let heapLimits = [maxObjects, maxBytes, maxShare].compactMap { $0 }
            if heapProfile {
                if metric != nil { throw ValidationError("--heap-profile and --metric are two judges; give one") }
                if heapLimits.count != 1 { throw ValidationError("--heap-profile needs exactly one of --max-objects, --max-bytes or --max-share") }
                if (focus ?? module) == nil { throw ValidationError("--heap-profile needs --focus MODULE (or --module)") }
                if let maxShare, !(0...100).contains(maxShare) { throw ValidationError("--max-share is a percentage, 0 to 100") }
            } else if !heapLimits.isEmpty || focus != nil {
                throw ValidationError("--focus, --max-objects, --max-bytes and --max-share need --heap-profile")
            }
            if let id, let problem = AdvisoryID.problem(id) { throw ValidationError("--id: \(problem)") }
            if runs < 1 { throw ValidationError("--runs must be at least 1") }
            if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
            if onTimeout == .good { throw ValidationError("--on-timeout takes skip or bad") }
            if record {
                guard summary != nil else { throw ValidationError("--record needs --summary") }
                guard let kind = AdvisoryKind(rawValue: kind), kind != .policy else {
                    throw ValidationError("--kind takes \(AdvisoryKind.recordable.sorted().map(\.rawValue).joined(separator: ", "))")
                }
            }
        }

        func run() async throws {
            let result = await Self.bisectInterruptibly(Bisector(request()).withProgress(Self.printProgress))
            let report = BisectReport(result, narrowing: format.format == .table ? narrowingCommand(result) : nil)
            print(try report.text(as: format.format), terminator: "")
            guard result.status == BisectResult.Status.found || result.status == BisectResult.Status.ambiguous else {
                // The table stays on standard output; the reason goes to standard error too, where CI logs keep it.
                throw CommandFailure.error("depwatch: bisect \(result.status.rawValue): \(result.error ?? "no answer")")
            }
            if record { try recordAdvisory(result) }
        }

        private func request() -> BisectRequest {
            var request = BisectRequest(repository: repo, good: good, bad: bad, command: TestCommand(command)!)
            request.tagsOnly = tags
            request.project = project.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            request.module = module
            request.repositoryURL = repoUrl
            if let metric { request.judge = .metric(pattern: metric, threshold: max.map { .max($0) } ?? .min(min!)) }
            if heapProfile, let focus = focus ?? module {
                let (measure, limit): (HeapMeasure, Double) = maxObjects.map { (.objects, $0) } ?? maxBytes.map { (.bytes, $0) } ?? (.share, maxShare ?? 0)
                request.judge = .heapProfile(focus: focus, measure: measure, threshold: .max(limit))
            }
            request.runs = runs
            request.timeout = timeout
            request.onTimeout = onTimeout
            return request
        }

        /// Runs the bisection in a task that SIGINT and SIGTERM cancel: the child's process group is stopped,
        /// the temporary directories removed, and the partial result returned.
        static func bisectInterruptibly(_ bisector: Bisector) async -> BisectResult {
            let task = Task { await bisector.run() }
            let sources = [SIGINT, SIGTERM].map { signalNumber in
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { task.cancel() }
                source.resume()
                return source
            }
            let result = await task.value
            sources.forEach { $0.cancel() }
            return result
        }

        /// After a `--tags` answer: this command again, without `--tags`, between the answer and its neighbouring release.
        private func narrowingCommand(_ result: BisectResult) -> String? {
            guard tags, let commit = result.commit, let neighbour = result.neighbour else { return nil }
            let (goodRevision, badRevision) = result.direction == .fix ? (commit, neighbour) : (neighbour, commit)
            var words = ["depwatch", "bisect", "--repo", repo, "--good", goodRevision.tag ?? goodRevision.id,
                         "--bad", badRevision.tag ?? badRevision.id]
            if let project { words += ["--project", project] }
            if let module { words += ["--module", module] }
            if let metric { words += ["--metric", metric] + (max.map { ["--max", Judge.format($0)] } ?? min.map { ["--min", Judge.format($0)] } ?? []) }
            if heapProfile {
                words += ["--heap-profile"] + (focus.map { ["--focus", $0] } ?? [])
                words += maxObjects.map { ["--max-objects", Judge.format($0)] } ?? maxBytes.map { ["--max-bytes", Judge.format($0)] }
                    ?? maxShare.map { ["--max-share", Judge.format($0)] } ?? []
            }
            if runs != 1 { words += ["--runs", String(runs)] }
            if let timeout { words += ["--timeout", Judge.format(timeout), "--on-timeout", onTimeout.rawValue] }
            return (words + ["--"] + command).map(Self.shellQuoted).joined(separator: " ")
        }

        /// A word as a POSIX shell reads it back: bare when it is plain, else in single quotes.
        static func shellQuoted(_ word: String) -> String {
            let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:@%+,".unicodeScalars.contains($0) }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }

        /// The advisories of the bisected module that already affect the bad endpoint and not the good one:
        /// the same problem, found before.
        private func existingAdvisories(coveringThe result: BisectResult, in store: AdvisoryStore) throws -> [String] {
            guard let module = result.module, let good = result.good?.version, let bad = result.bad?.version else { return [] }
            return try store.advisories(naming: module, ecosystem: .go).map(\.advisory)
                .filter { $0.withdrawn == nil }
                .filter { advisory in
                    AdvisoryMatcher.verdict(advisory, ecosystem: .go, package: module, version: bad)?.outcome == .affected
                        && AdvisoryMatcher.verdict(advisory, ecosystem: .go, package: module, version: good)?.outcome != .affected
                }
                .map(\.id).sorted()
        }

        static func printProgress(_ progress: BisectProgress) {
            let value = progress.value.map { ", value \(Judge.format($0))" } ?? ""
            Diagnostics.print(message: "depwatch: \(progress.label): \(progress.commit.shortID) \(progress.commit.version) "
                + "\(progress.verdict.rawValue)\(value) (\(String(format: "%.2f", progress.seconds)) s)  \(progress.commit.summary)")
        }

        private func recordAdvisory(_ result: BisectResult) throws {
            var recorder = AdvisoryRecord(id: id, kind: AdvisoryKind(rawValue: kind) ?? .leak, summary: summary ?? "", command: TestCommand(command)!.description)
            if let warning = result.repositoryWarning { Diagnostics.print(message: "depwatch: --record: warning: \(warning)") }
            do {
                let store = try database.open()
                recorder.related = try existingAdvisories(coveringThe: result, in: store).filter { $0 != id }
                for other in recorder.related {
                    Diagnostics.print(message: "depwatch: --record: \(other) already covers \(result.module ?? "the module") at "
                        + "\(result.bad?.version ?? "bad") and not at \(result.good?.version ?? "good"); the new advisory names it in "
                        + "`related`, so audit reports one finding (to update \(other) itself, pass --id \(other))")
                }
                let (advisoryID, json) = try recorder.advisory(for: result)
                let path = (advisoriesDir as NSString).appendingPathComponent("\(advisoryID).json")
                try FileManager.default.createDirectory(atPath: advisoriesDir, withIntermediateDirectories: true)
                try ReportFile.write(String(decoding: json, as: UTF8.self), to: path)
                _ = try store.importAdvisories(from: [path], strict: true)
                Diagnostics.print(message: "depwatch: recorded \(advisoryID) in \(path) and in the database \(store.path); review and commit it")
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.error("depwatch: --record: \(error.localizedDescription)")
            }
        }
    }
}
