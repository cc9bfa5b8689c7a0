import Advisories
import Core
import ArgumentParser
import Foundation
import Manifest
import Report

extension Ecosystem: ExpressibleByArgument {
    /// `go` or `swift`, case-insensitively.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "go": self = .go
        case "swift", "swifturl": self = .swift
        default: return nil
        }
    }

    /// The names help lists.
    public static var allValueStrings: [String] { ["go", "swift"] }
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
        @Option(help: "table or json.") var format = FormatOption<QueryReport>(.table)

        func run() throws {
            let (package, version) = Self.split(target)
            let store = try database.open(readingOnly: true)
            let answers = try store.query(package: package, version: version, ecosystem: ecosystem)
            print(try QueryReport(answers, package: package, version: version).text(as: format.format), terminator: "")
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
