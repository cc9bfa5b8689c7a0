import Advisories
import ArgumentParser

/// `--db PATH`, shared by every command that reads or writes the advisory database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The advisory database (default: $DEPWATCH_DB, else ~/.cache/depwatch/advisories.sqlite).", valueName: "path"))
    var path: String?

    /// The resolved path.
    var resolvedPath: String { DatabaseLocation.resolve(option: path) }

    /// Opens (creating when missing) the database; an unusable file is exit 2 with one line.
    func open() throws -> AdvisoryStore {
        do {
            return try AdvisoryStore(path: resolvedPath)
        } catch {
            Diagnostics.print(message: "depwatch: \(error.localizedDescription)")
            throw ExitStatus.error.exitCode
        }
    }
}
