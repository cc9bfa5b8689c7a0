import Foundation

/// Where things are, for tests: the package root, `../shared`, fixtures, the built binary.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package root: advisories, corpus, schemas.
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A fixture of a test target: `Tests/<target>/Fixtures/<name>`.
    public static func fixture(_ name: String, target: String = "ManifestTests") -> URL {
        packageRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
    }

    /// The text of a fixture.
    public static func fixtureText(_ name: String, target: String = "ManifestTests") throws -> String {
        try String(contentsOf: fixture(name, target: target), encoding: .utf8)
    }

    /// The depwatch binary built by `swift build` (debug unless `DEPWATCH_BINARY` says otherwise).
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["DEPWATCH_BINARY"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/debug/depwatch")
    }
}
