import ArgumentParser
import Core
import Foundation
import Manifest
import Report

extension Depwatch {
    /// `depwatch deps [PATH…]`: prints the dependency inventory.
    struct Deps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deps",
            abstract: "List the dependencies that go.mod, go.sum, go.work and Package.resolved files pin.",
            discussion: "PATH is a manifest, a Go binary or a directory to search (default: the current directory)."
        )

        @Argument(help: "Manifests, Go binaries or directories to read.")
        var paths: [String] = []

        @Option(help: "Output format: \(FormatOption<DepsReport>.allValueStrings.joined(separator: ", ")).")
        var format = FormatOption<DepsReport>(.table)

        @Flag(help: "Also read the Go executables found below the directories given (a path that is one is always read).")
        var binaries = false

        func run() throws {
            let roots = paths.isEmpty ? ["."] : paths
            let inventory = InventoryLoader.load(roots, binaries: binaries)
            let nothingFound = inventory.manifests.isEmpty && inventory.errors.isEmpty
            if !(nothingFound && format.format == .table) {
                print(try DepsReport(inventory).text(as: format.format), terminator: "")
            }
            Diagnostics.print(inventory.warnings + inventory.errors)
            if !inventory.errors.isEmpty { throw CommandFailure.reported }
            if nothingFound {
                throw CommandFailure.nothingToScan("depwatch: no manifest (go.mod, go.work, Package.resolved) found in \(roots.joined(separator: ", "))")
            }
        }
    }
}
