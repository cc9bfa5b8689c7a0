import Advisories
import ArgumentParser
import Foundation

extension Depwatch {
    /// `depwatch db …`: the local advisory database.
    struct Database: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Import, inspect, query and export the local advisory database.",
            subcommands: [Import.self, Stats.self, Query.self, Export.self, Path.self]
        )
    }
}

extension Depwatch.Database {
    /// `depwatch db path`.
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the database's path.")
        @OptionGroup var database: DatabaseOptions

        func run() {
            print(database.resolvedPath)
        }
    }

    /// `depwatch db import PATH…`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import OSV advisories: files, folders of them (recursively) or .zip exports.",
            discussion: "One transaction: an interrupted import leaves the database as it was. A newer `modified` replaces an older one; an older one never overwrites a newer."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "OSV JSON files, folders, or .zip archives.") var paths: [String]
        @Flag(help: "Stop at the first invalid advisory and import nothing.") var strict = false

        func run() throws {
            let report: ImportReport
            do {
                report = try AdvisoryStore.importAdvisories(from: paths, into: database.resolvedPath, strict: strict)
            } catch {
                throw CommandFailure.error(error.localizedDescription)
            }
            for problem in report.problems { Diagnostics.print(message: "\(problem) (skipped)") }
            print("\(report.documents) documents: \(report.inserted) new, \(report.updated) updated, "
                  + "\(report.unchanged) unchanged, \(report.older) older than stored, \(report.problems.count) invalid")
        }
    }

    /// `depwatch db stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts per ecosystem and source, and the last import.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open()
            let stats = try store.stats()
            print("\(store.path): \(stats.advisories) advisories (\(stats.withdrawn) withdrawn)")
            print("by ecosystem:")
            for count in stats.ecosystems { print("  \(count.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(count.advisories)") }
            print("by source:")
            for count in stats.sources { print("  \(count.advisories)\t\(count.name)") }
            if let last = stats.lastImport {
                print("last import: \(last.finishedAt) from \(last.source): \(last.inserted) new, \(last.updated) updated, \(last.invalid) invalid")
            } else {
                print("last import: none (only the curated advisories)")
            }
        }
    }

    /// `depwatch db export DIR`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the curated advisories (x_DEPWATCH-…) to DIR as OSV JSON files.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The folder to write to (created if missing).") var directory: String

        func run() throws {
            let store = try database.open()
            for file in try store.exportCurated(to: directory) { print(file) }
        }
    }
}
