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
    /// `readingOnly`: the command only reads, from one thread (see `AdvisoryStore.init`).
    func open(readingOnly: Bool = false) throws -> AdvisoryStore {
        return try AdvisoryStore(path: resolvedPath, readingOnly: readingOnly)
    }
}
