import ArgumentParser
import Foundation
import Report
import Scan


extension Depwatch {
    /// `depwatch report`: what the scan history says, as HTML, Markdown or JSON.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report on the scan history: new, fixed and open findings, repositories, advisories, upgrades, the trend."
        )

        @Option(help: "html, markdown or json.") var format = FormatOption<ScanReport>(.html)
        @Option(help: ArgumentHelp("Write the report to a file (atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @Option(name: .customLong("run"), help: ArgumentHelp("The run to report: latest or a run id.", valueName: "run"))
        var runSelection = "latest"
        @Option(help: ArgumentHelp("Compare with this run id, or the last run before this date (default: the previous run).",
                                   valueName: "id|date"))
        var since: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var history: HistoryOptions

        func validate() throws {
            if runSelection != "latest" && Int64(runSelection) == nil { throw ValidationError("--run takes latest or a run id") }
        }

        func run() throws {
            let store = try history.open(database)
            do {
                let report = try ReportBuilder(store).report(run: Int64(runSelection).map { .id($0) } ?? .latest, since: since)
                try ReportOutput.emit(bytes: try report.render(as: format.format, options: RenderOptions()), to: output)
            } catch let error as ScanError {
                throw CommandFailure.error("depwatch: \(error.localizedDescription)")
            }
        }
    }

    /// `depwatch history import FILE…`: shard results into the history as one run.
    struct HistoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Manage the scan history.",
            subcommands: [Import.self]
        )

        /// `depwatch history import FILE…`.
        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Load scan results written with `depwatch scan --output` (one per shard) into the history as one run.")

            @Argument(help: "depwatch.scan/1 files.") var files: [String]
            @OptionGroup var database: DatabaseOptions
            @OptionGroup var history: HistoryOptions

            func run() throws {
                var documents: [ScanDocument] = []
                for file in files {
                    do {
                        documents.append(try JSONDecoder().decode(ScanDocument.self, from: Data(contentsOf: URL(fileURLWithPath: file))))
                    } catch {
                        throw CommandFailure.error("\(file): not a depwatch.scan/1 file: \(error.localizedDescription)")
                    }
                }
                let store = try history.open(database)
                let run = try store.importRun(documents)
                print("imported \(documents.flatMap(\.repositories).count) repositories from \(files.count) file(s) as run \(run)")
            }
        }
    }
}
