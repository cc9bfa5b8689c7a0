import ArgumentParser

/// The `depwatch` command: a thin layer over the libraries, one file per subcommand.
@main
struct Depwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depwatch",
        abstract: "Dependency vetting and advisory scanner for Go and Swift services.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [Audit.self, DiffCommand.self, Vet.self, BisectCommand.self, ScanCommand.self, ReportCommand.self, HistoryCommand.self, Deps.self, Database.self]
    )
}
