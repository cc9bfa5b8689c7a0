import Advisories
import ArgumentParser
import Audit
import Core
import Foundation
import Heap
import Manifest
import Report

extension HeapAttribution.View: ExpressibleByArgument {}

extension Depwatch {
    /// `depwatch heap PROFILE` and `depwatch heap diff BASE LATER…`.
    struct HeapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "heap",
            abstract: "Attribute Go heap profiles to the project's modules, beside their advisories and upgrades.",
            subcommands: [Show.self, Diff.self],
            defaultSubcommand: Show.self
        )
    }
}

extension Depwatch.HeapCommand {
    /// `depwatch heap PROFILE`: which dependency holds the heap, and is it a known leak.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Each module's share of a heap profile, with its version, advisories and upgrade.",
            discussion: """
                PROFILE is a heap profile as runtime/pprof and net/http/pprof write it: gzipped or plain \
                profile.proto, or the debug=1 text; or a live service's http://HOST:PORT/debug/pprof/heap. Each module's share of the sample is shown with the version \
                the project builds, the advisories that affect it (leaks first) and the upgrade that clears them.
                """
        )

        @Argument(help: "The heap profile.") var profile: String
        @OptionGroup var options: HeapOptions
        @Option(help: "table, json or markdown.") var format = FormatOption<HeapReport>(.table)

        func run() throws {
            let audit = try options.audit()
            let attribution = try options.attribute(profile, modules: ModuleMap(audit.inventory))
            let report = HeapReport(profile: profile, attribution: attribution, audit: audit, topFunctions: options.top)
            try ReportOutput.emit(bytes: try report.render(as: format.format, options: RenderOptions()), to: nil)
            Diagnostics.print(options.warnings(audit))
        }
    }

    /// `depwatch heap diff BASE LATER…`: what grew between snapshots of one process.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Growth per module and per function between heap profiles of one process, oldest first.",
            discussion: "Modules that grew in every step are flagged: how a leak looks when no advisory names it yet."
        )

        @Argument(help: "The profiles, oldest first (at least two).") var profiles: [String]
        @OptionGroup var options: HeapOptions
        @Option(help: "table, json or markdown.") var format = FormatOption<HeapGrowthReport>(.table)

        func validate() throws {
            if profiles.count < 2 { throw ValidationError("heap diff needs a base profile and at least one later one") }
        }

        func run() throws {
            let audit = try options.audit()
            let modules = ModuleMap(audit.inventory)
            let snapshots = try profiles.map { try options.attribute($0, modules: modules) }
            let report = HeapGrowthReport(profiles: profiles, growth: HeapGrowth(snapshots), audit: audit, topFunctions: options.top)
            try ReportOutput.emit(bytes: try report.render(as: format.format, options: RenderOptions()), to: nil)
            Diagnostics.print(options.warnings(audit))
        }
    }
}

/// What `heap` and `heap diff` share: the project, the sample type, the view, how many functions.
struct HeapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Go project whose modules the frames belong to (go.mod, go.sum, go.work).", valueName: "dir"))
    var project: String = "."
    @Option(help: "The sample type: inuse_objects (default), inuse_space, alloc_objects or alloc_space.") var sample: String?
    @Option(help: "owner (the first frame outside the standard library) or flat (the allocating frame).")
    var view: HeapAttribution.View = .owner
    @Option(help: "How many functions to list per module.") var top: Int = 5
    @Option(help: ArgumentHelp("For a URL: seconds to connect and read the profile.", valueName: "seconds")) var timeout: Double = 30
    @Flag(name: .customLong("no-gc"), help: "For a URL: do not ask the service to collect garbage first (gc=1).") var noGC = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    /// The project's audit: its inventory attributes the frames, its findings and upgrades go beside them.
    func audit() throws -> AuditResult {
        // The project's policy (its ignores) as audit reads it: a malformed one is an error, as there.
        let policy: Policy
        do { policy = try PolicyLocation.load(config: nil, roots: [project]) } catch {
            throw CommandFailure.error(error.localizedDescription)
        }
        let options = AuditOptions(roots: [project], policy: policy, today: Depwatch.Audit.today())
        return try Auditor.audit(options, index: AdvisoryIndex(store: try database.open(readingOnly: true)))
    }

    /// The profile at `path` (a file, or an http:// URL of a live service) attributed to `modules` by the
    /// chosen sample type and view.
    func attribute(_ path: String, modules: ModuleMap) throws -> HeapAttribution {
        let heap = ProfileDownload.isURL(path)
            ? try HeapProfileReader.read(try ProfileDownload.fetch(path, timeout: timeout, gc: !noGC), path: path)
            : try HeapProfileReader.read(path: path)
        let wanted = sample ?? (heap.sampleIndex("inuse_objects") != nil ? "inuse_objects" : heap.defaultSampleType ?? heap.sampleTypes.first?.type ?? "")
        guard let index = heap.sampleIndex(wanted) else {
            throw HeapError.unknownSample(path: path, sample: wanted, available: heap.sampleTypes.map(\.type))
        }
        return HeapAttribution(heap, sampleIndex: index, modules: modules, view: view)
    }

    /// The inventory's problems, and a warning when the project has no Go module to attribute to.
    func warnings(_ audit: AuditResult) -> [Diagnostic] {
        var warnings = audit.inventory.warnings + audit.inventory.errors
        if !audit.inventory.manifests.contains(where: { $0.ecosystem == .go }) {
            warnings.append(Diagnostic(.warning, .notFound, path: project, line: nil, column: nil,
                message: "no go.mod or go.work here: every frame outside the standard library counts as unknown (pass --project)"))
        }
        return warnings
    }
}
