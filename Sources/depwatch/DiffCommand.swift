import Advisories
import ArgumentParser
import Audit
import Diff
import Foundation
import Report


extension Depwatch {
    /// `depwatch diff --base REV [--head REV] [--repo DIR] [PATH…]`: what a change brings in.
    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare the dependencies and findings of two revisions (a pull request against its target).",
            discussion: "Exit 1 only for findings the change introduces at or above --fail-on; findings already on the base are shown, never failing."
        )

        @Option(help: "The base revision (the target branch): main, origin/main, a tag, an id.") var base: String
        @Option(help: "The head revision (default: the work tree as it is, uncommitted edits included).") var head: String?
        @Option(help: "The repository (work tree or bare; default: .).") var repo: String = "."
        @Argument(help: "Paths inside the repository to compare (default: all).") var paths: [String] = []
        @Option(help: "table, json, markdown or sarif.") var format = FormatOption<DiffResult>(.table)
        @Option(help: ArgumentHelp("Write the report to a file (atomically).", valueName: "file")) var output: String?
        @Option(help: ArgumentHelp("The policy file (default: depwatch.toml at the repository root).", valueName: "file"))
        var config: String?
        @Option(help: "The lowest severity that fails the run (overrides the policy).") var failOn: FailThreshold?
        @Option(help: ArgumentHelp("The Go toolchain to check the standard library against.", valueName: "version"))
        var goVersion: String?
        @Flag(help: "Fail for new or upgraded dependencies no depwatch.vet.toml record covers.") var requireVetting = false
        @OptionGroup var gitRanges: GitRangeOptions
        @Flag(help: "Print how long each phase took (reading revisions with libgit2, auditing each side) on standard error.")
        var timings = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let policy: Policy
            do {
                policy = try PolicyLocation.load(config: config, roots: [repo])
            } catch {
                throw CommandFailure.error(error.localizedDescription)
            }
            let store = try database.open()
            var audit = AuditOptions(roots: [], goVersion: goVersion, policy: policy, failOn: failOn, today: Depwatch.Audit.today())
            audit.gitRanges = try gitRanges.evaluator()
            let result: DiffResult
            var options = DiffOptions(repository: repo, base: base, head: head, subpaths: paths, audit: audit)
            options.requireVetting = requireVetting
            result = try Differ.diff(options, store: store)
            if timings {
                for (phase, seconds) in result.timings {
                    Diagnostics.print(message: String(format: "%7.1f ms  %@", seconds * 1000, phase))
                }
            }
            Diagnostics.print(result.warnings)
            try ReportOutput.emit(bytes: try result.render(as: format.format, options: RenderOptions()), to: output)
            if !result.errors.isEmpty {
                Diagnostics.print(result.errors)
                throw CommandFailure.reported
            }
            if result.fails { throw CommandFailure.findings }
        }
    }
}
