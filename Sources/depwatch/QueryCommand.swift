import Advisories
import Core
import ArgumentParser
import Foundation
import Manifest

extension Ecosystem: ExpressibleByArgument {
    /// `go` or `swift`, case-insensitively.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "go": self = .go
        case "swift", "swifturl": self = .swift
        default: return nil
        }
    }
}

extension Depwatch.Database {
    /// `depwatch db query PACKAGE[@VERSION]`.
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "The advisories that name a package and, given a version, whether each affects it and why.",
            discussion: "PACKAGE is a Go module path or a Swift package URL or identity. VERSION is v1.2.3 (Go), 1.2.3 (Swift) or a Go toolchain tag (go1.21.5) for stdlib and toolchain."
        )
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "PACKAGE or PACKAGE@VERSION.") var target: String
        @Option(help: "go or swift (default: both).") var ecosystem: Ecosystem?
        @Option(help: "table or json.") var format: DepsFormat = .table

        func run() throws {
            let (package, version) = Self.split(target)
            let store = try database.open(readingOnly: true)
            let answers = try store.query(package: package, version: version, ecosystem: ecosystem)
            switch format {
            case .table: print(TerminalText.escape(QueryTable.render(answers, package: package, version: version), allowingNewlines: true), terminator: "")
            case .json: print(try QueryJSON.render(answers, package: package, version: version), terminator: "")
            }
        }

        /// `name@version` → (name, version); an `@` inside a URL's user part (`git@host:…`) is not a version.
        static func split(_ target: String) -> (String, String?) {
            guard let at = target.lastIndex(of: "@") else { return (target, nil) }
            let version = String(target[target.index(after: at)...])
            if version.isEmpty || version.contains("/") || version.contains(":") { return (target, nil) }
            return (String(target[..<at]), version)
        }
    }
}
