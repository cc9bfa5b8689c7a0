import Advisories
import ArgumentParser
import Audit
import Core
import Foundation
import Manifest
import Report

extension FailThreshold: ExpressibleByArgument {}

extension Depwatch {
    /// `depwatch audit [PATH…]`: what is known-bad in what the project pins, and what to upgrade to.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Report known problems in pinned dependencies and the upgrades that clear them.",
            discussion: "Exit 1 when a finding is at or above --fail-on, 2 on an error, 3 when no manifest was found."
        )

        @Argument(help: "Manifests, Go binaries or directories to audit (default: .).") var paths: [String] = []
        @Option(help: "table, json, markdown or sarif.") var format = FormatOption<AuditResult>(.table)
        @Option(help: ArgumentHelp("Write the report to a file (atomically) instead of standard output.", valueName: "file"))
        var output: String?
        @Option(help: ArgumentHelp("The policy file (default: depwatch.toml at the scan root).", valueName: "file"))
        var config: String?
        @Option(help: "The lowest severity that fails the run: any, low, medium, high, critical or none (overrides the policy).")
        var failOn: FailThreshold?
        @Option(help: ArgumentHelp("The kinds that count toward failing, comma-separated (overrides the policy).", valueName: "kinds"),
                transform: { text in
                    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    let kinds = Set(names.compactMap(AdvisoryKind.init(rawValue:)))
                    guard kinds.count == Set(names).count else {
                        throw ValidationError("--kinds takes \(Policy.allKinds.sorted().map(\.rawValue).joined(separator: ", "))")
                    }
                    return kinds
                })
        var kinds: Set<AdvisoryKind>?
        @Option(help: ArgumentHelp("The Go toolchain to check the standard library against (overrides toolchain directives).",
                                   valueName: "version"))
        var goVersion: String?
        @Flag(help: "Also audit the Go executables found below the directories given (a path that is one is always audited).")
        var binaries = false
        @Flag(help: "Count only findings whose affected code is in the build toward --fail-on (absent ones are still listed).")
        var reachableOnly = false
        @Flag(help: "Give Go modules' findings package-level reachability from `go list -deps` (offline; Go on PATH).")
        var packages = false
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var gitRanges: GitRangeOptions

        func validate() throws {
            if let goVersion, GoToolchainVersionCheck.isValid(goVersion) == false {
                throw ValidationError("--go-version \(goVersion): not a Go version (use 1.22.4 or go1.22.4)")
            }
        }

        func run() async throws {
            let roots = paths.isEmpty ? ["."] : paths
            let policy: Policy
            do {
                policy = try PolicyLocation.load(config: config, roots: roots)
            } catch {
                throw CommandFailure.error(error.localizedDescription)
            }
            let store = try database.open(readingOnly: true)
            var options = AuditOptions(roots: roots, goVersion: goVersion, policy: policy, failOn: failOn, kinds: kinds,
                                       today: Self.today())
            options.gitRanges = try gitRanges.evaluator()
            options.binaries = binaries
            if reachableOnly { options.reachableOnly = true }
            var listingWarnings: [Diagnostic] = []
            if packages {
                let inventory = InventoryLoader.load(roots, binaries: binaries)
                options.inventory = inventory
                (options.importedPackages, listingWarnings) = await GoPackageLister.imports(of: inventory)
            }
            let index = AdvisoryIndex(store: store)
            var result = try Auditor.audit(options, index: index)
            result.warnings += listingWarnings
            if result.manifests.isEmpty && result.errors.isEmpty {
                Diagnostics.print(result.warnings)  // why nothing was found (a directory that could not be listed)
                throw CommandFailure.nothingToScan("depwatch: no manifest (go.mod, go.work, Package.resolved) found in \(roots.joined(separator: ", "))")
            }
            let color = output == nil && format.format == .table && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let bytes = try result.render(as: format.format, options: RenderOptions(color: color))
            try ReportOutput.emit(bytes: bytes, to: output)
            Diagnostics.print(result.warnings + result.errors)
            let status: ExitStatus = !result.errors.isEmpty ? .error : result.failing.isEmpty ? .clean : .findings
            // Exit from here: freeing thousands of findings, the inventory and the index's compiled
            // advisories one by one is work the kernel does at once (measured in BENCHMARKS.md). exit()
            // flushes standard output first.
            withExtendedLifetime((result, index)) { Foundation.exit(status.rawValue) }
        }

        static func today() -> String {
            // From the C library rather than DateFormatter: that loads ICU's calendar data, a few
            // milliseconds of every run for one date.
            var now = time(nil)
            var local = tm()
            localtime_r(&now, &local)
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(local.tm_year + 1900)-\(two(local.tm_mon + 1))-\(two(local.tm_mday))"
        }
    }
}
