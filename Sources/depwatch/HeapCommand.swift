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
    /// `depwatch heap PROFILE`: which dependency holds the heap, and is it a known leak.
    struct HeapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "heap",
            abstract: "Attribute a Go heap profile to the project's modules, beside their advisories and upgrades.",
            discussion: """
                PROFILE is a heap profile as runtime/pprof and net/http/pprof write it: gzipped or plain \
                profile.proto, or the debug=1 text. Each module's share of the sample is shown with the version \
                the project builds, the advisories that affect it (leaks first) and the upgrade that clears them.
                """
        )

        @Argument(help: "The heap profile.") var profile: String
        @Option(help: ArgumentHelp("The Go project whose modules the frames belong to (go.mod, go.sum, go.work).", valueName: "dir"))
        var project: String = "."
        @Option(help: "The sample type: inuse_objects (default), inuse_space, alloc_objects or alloc_space.") var sample: String?
        @Option(help: "owner (the first frame outside the standard library) or flat (the allocating frame).")
        var view: HeapAttribution.View = .owner
        @Option(help: "How many functions to list per module.") var top: Int = 5
        @Option(help: "table, json or markdown.") var format = FormatOption<HeapReport>(.table)
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if top < 0 { throw ValidationError("--top must be 0 or more") }
        }

        func run() throws {
            let heap = try HeapProfileReader.read(path: profile)
            let wanted = sample ?? (heap.sampleIndex("inuse_objects") != nil ? "inuse_objects" : heap.defaultSampleType ?? heap.sampleTypes.first?.type ?? "")
            guard let index = heap.sampleIndex(wanted) else {
                throw HeapError.unknownSample(path: profile, sample: wanted, available: heap.sampleTypes.map(\.type))
            }
            let policy = (try? PolicyLocation.load(config: nil, roots: [project])) ?? Policy()
            let options = AuditOptions(roots: [project], policy: policy, today: Depwatch.Audit.today())
            let audit = try Auditor.audit(options, index: AdvisoryIndex(store: try database.open(readingOnly: true)))
            var warnings = audit.inventory.warnings + audit.inventory.errors
            if !audit.inventory.manifests.contains(where: { $0.ecosystem == .go }) {
                warnings.append(Diagnostic(.warning, .notFound, path: project, line: nil, column: nil,
                    message: "no go.mod or go.work here: every frame outside the standard library counts as unknown (pass --project)"))
            }
            let attribution = HeapAttribution(heap, sampleIndex: index, modules: ModuleMap(audit.inventory), view: view)
            let report = HeapReport(profile: profile, attribution: attribution, audit: audit, topFunctions: top)
            try ReportOutput.emit(bytes: try report.render(as: format.format, options: RenderOptions()), to: nil)
            Diagnostics.print(warnings)
        }
    }
}
