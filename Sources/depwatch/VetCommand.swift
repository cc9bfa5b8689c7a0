import ArgumentParser
import Audit
import Report
import Foundation
import Manifest

extension Depwatch {
    /// `depwatch vet`: records that someone reviewed a dependency at a version (`depwatch.vet.toml`).
    struct Vet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vet",
            abstract: "Record reviews of dependencies in depwatch.vet.toml, start from what is pinned, or list what is not vetted.",
            discussion: """
                depwatch vet PACKAGE@VERSION --reason "…" [--by NAME]   record a review
                depwatch vet --init                                     record every pinned dependency as an exemption
                depwatch vet --check                                    list pinned dependencies no record covers (exit 1 if any)
                """
        )

        @Argument(help: "PACKAGE@VERSION to record.") var target: String?
        @Option(help: "Why the dependency is fine (required with PACKAGE@VERSION).") var reason: String?
        @Option(help: "Who reviewed it.") var by: String?
        @Flag(name: .customLong("init"), help: "Record every currently pinned dependency as an exemption.") var initialize = false
        @Flag(help: "List pinned dependencies that no record covers.") var check = false
        @Option(help: "The repository root (default: .).") var repo: String = "."

        func validate() throws {
            let modes = [target != nil, initialize, check].filter { $0 }.count
            guard modes == 1 else { throw ValidationError("give one of PACKAGE@VERSION, --init or --check") }
            if target != nil, reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                throw ValidationError("--reason is required: say why the dependency is fine")
            }
        }

        func run() throws {
            let path = PathName.join(repo, VetRecords.fileName)
            let source = FileSystemSource()
            let existingText: String
            let records: VetRecords
            do {
                // An unreadable file is an error, never read as empty (it would be rewritten with only the new records).
                existingText = source.exists(path) ? try source.text(path) : ""
                records = try VetRecords.parse(existingText, path: path)
            } catch {
                throw CommandFailure.error(error.localizedDescription)
            }
            let inventory = InventoryLoader.load([repo])
            let today = Depwatch.Audit.today()
            if check {
                let missing = records.unvetted(in: inventory)
                for (manifest, dependency) in missing { print("\(dependency.package)@\(dependency.version ?? dependency.source.rawValue)  (\(manifest))") }
                print("\(missing.count) pinned dependenc\(missing.count == 1 ? "y is" : "ies are") not vetted")
                if !missing.isEmpty { throw CommandFailure.findings }
                return
            }
            var added: [VetRecords.Record] = []
            if initialize {
                var seen: Set<String> = []
                for (_, dependency) in records.unvetted(in: inventory) {
                    let version = dependency.version ?? dependency.source.rawValue
                    guard seen.insert(dependency.package + "@" + version).inserted else { continue }
                    added.append(VetRecords.Record(kind: "exemption", package: dependency.package, version: version,
                                                   reason: "pinned when vetting was adopted", by: nil, date: today))
                }
            } else if let target {
                guard let at = target.lastIndex(of: "@") else {
                    throw ValidationError("give PACKAGE@VERSION, for example github.com/bluele/gcache@v0.0.2")
                }
                added.append(VetRecords.Record(kind: "vetted", package: String(target[..<at]), version: String(target[target.index(after: at)...]),
                                               reason: reason, by: by, date: today))
            }
            let header = existingText.isEmpty ? "# Reviews of dependencies, read by depwatch diff (require-vetting) and depwatch vet --check.\n" : ""
            do {
                try ReportFile.write(existingText + header + added.map(VetRecords.text).joined(), to: path)
            } catch {
                throw CommandFailure.error(error.localizedDescription)
            }
            print("\(added.count) record\(added.count == 1 ? "" : "s") added to \(path)")
        }
    }
}
