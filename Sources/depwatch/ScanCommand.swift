import Advisories
import ArgumentParser
import Audit
import Core
import Foundation
import Manifest
import Scan

/// `--history PATH`, shared by scan, report and history.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp(
        "The scan history (default: history.sqlite beside the advisory database).", valueName: "path"))
    var path: String?

    /// The history path: the option, else beside the advisory database `database` resolves to.
    func resolvedPath(_ database: DatabaseOptions) -> String {
        path ?? ((database.resolvedPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("history.sqlite")
    }

    /// Opens the history; an unusable file is exit 2 with one line.
    func open(_ database: DatabaseOptions) throws -> HistoryStore {
        do { return try HistoryStore(path: resolvedPath(database)) } catch {
            throw CommandFailure.error("depwatch: \(error.localizedDescription)")
        }
    }
}

extension Depwatch {
    /// `depwatch scan`: every repository of a fleet through the audit pipeline, into the scan history.
    struct ScanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Audit many git repositories at a revision (no checkout) and record the results in the scan history.",
            discussion: "Exit 2 if any repository could not be scanned, else 1 when a finding is at or above --fail-on, else 0."
        )

        @Argument(help: "Repositories (work trees or git directories).") var paths: [String] = []
        @Option(help: ArgumentHelp("A depwatch-scan.toml listing [[repository]] entries.", valueName: "file")) var config: String?
        @Option(help: ArgumentHelp("Scan every git repository below this directory.", valueName: "dir")) var repositories: String?
        @Option(help: "Repositories scanned at a time (default: the number of cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
        @Option(help: ArgumentHelp("Scan every N-th repository, from the I-th (for running shards on several machines).", valueName: "I/N"))
        var shard: String?
        @Option(help: ArgumentHelp("Write the result as JSON (depwatch.scan/1) instead of recording it in the history.", valueName: "file"))
        var output: String?
        @Option(help: "The lowest severity that fails the run: any, low, medium, high, critical or none.")
        var failOn: FailThreshold = .any
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var history: HistoryOptions

        func validate() throws {
            if let shard, Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/3") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if paths.isEmpty && config == nil && repositories == nil {
                throw ValidationError("give repositories: paths, --config depwatch-scan.toml, or --repositories DIR")
            }
        }

        func run() throws {
            var targets: [RepositoryTarget]
            targets = try targetList()
            if let shard = shard.flatMap(Shard.init) { targets = shard.select(targets) }
            let store = try database.open()
            let stats = try? store.stats()
            let state = DatabaseState(advisories: stats?.advisories ?? 0, lastImport: stats?.lastImport?.finishedAt)
            let started = Date().timeIntervalSince1970
            let scanner = FleetScanner(RepositoryScanner(store: store, today: Audit.today()), jobs: jobs)
            let progress = ScanProgress(total: targets.count, started: started)
            let historyStore = output == nil ? try history.open(database) : nil
            let run = try historyStore.map { try $0.beginRun(started: started, database: state, shards: shard) }
            let failures = RecordFailures()
            let scans = scanner.scan(targets) { _, scan in
                if let historyStore, let run {
                    do { try historyStore.record(scan, in: run) } catch { failures.add(error.localizedDescription) }
                }
                progress.completed(scan)
            }
            progress.finish()
            if let problem = failures.first {
                throw CommandFailure.error("depwatch: \(problem)")
            }
            let finished = Date().timeIntervalSince1970
            if let historyStore, let run { try historyStore.finish(run, finished: finished) }
            if let output {
                let document = ScanDocument(started: started, finished: finished, shard: shard, database: state, repositories: scans)
                try ReportOutput.emit(try StreamingJSONEncoder.encode(document), to: output)
            }
            try Self.exit(scans, failOn: failOn)
        }

        private func targetList() throws -> [RepositoryTarget] {
            var targets: [RepositoryTarget] = []
            if let config {
                let text = try String(contentsOfFile: config, encoding: .utf8)
                targets += try RepositoryList.parse(text, path: config)
            }
            if let repositories { targets += try RepositoryList.discover(below: repositories) }
            targets += try RepositoryList.paths(paths)
            return try RepositoryList.unique(targets)
        }

        static func exit(_ scans: [RepositoryScan], failOn: FailThreshold) throws {
            for scan in scans where scan.status == .failed {
                Diagnostics.print(message: "depwatch: \(scan.name): not scanned: \(scan.error ?? "")")
            }
            if scans.contains(where: { $0.status == .failed }) { throw CommandFailure.reported }
            let failing = scans.flatMap(\.findings).contains { !$0.ignored && failOn.fails($0.severity) }
            if failing { throw CommandFailure.findings }
        }
    }
}

/// The first error of committing results to the history (scans go on; the run then fails).
final class RecordFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [String] = []
    func add(_ problem: String) {
        lock.lock()
        problems.append(problem)
        lock.unlock()
    }
    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return problems.first
    }
}
