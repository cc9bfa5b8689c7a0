import ArgumentParser
import Foundation

/// The `depwatch` command: a thin layer over the libraries, one file per subcommand.
@main
struct Depwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depwatch",
        abstract: "Dependency vetting and advisory scanner for Go and Swift services.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [Audit.self, DiffCommand.self, Vet.self, BisectCommand.self, ScanCommand.self, ReportCommand.self, HistoryCommand.self, Deps.self, HeapCommand.self, Database.self]
    )

    /// Parses the command line and runs the subcommand; the one place where what a subcommand throws
    /// becomes an exit code (`CommandFailure.outcome`). Parsing problems, `--help` and `--version` stay
    /// swift-argument-parser's (usage errors exit 64).
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)   // `--help`, `help` and `depwatch` alone run the parser's own commands
        } catch {
            let (status, message) = CommandFailure.outcome(of: error)
            if let message { Diagnostics.print(message: message) }
            Foundation.exit(status.rawValue)
        }
    }
}
