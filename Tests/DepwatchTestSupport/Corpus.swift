import Foundation

/// The real manifests in `../shared/corpus`, for tests that must hold on all of them.
public enum Corpus {
    /// `../shared/corpus`.
    public static let root = TestPaths.shared.appendingPathComponent("corpus")

    /// Every file below the corpus whose name is one of `names`, as paths relative to the corpus root, sorted.
    public static func files(named names: Set<String>) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if names.contains((relative as NSString).lastPathComponent) { result.append(relative) }
        }
        return result.sorted()
    }

    /// The absolute path of a corpus file.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// A Go toolchain of version 1.21 or later: `$DEPWATCH_GO`, or what `scripts/find-go` finds.
public enum GoToolchain {
    /// The go binary, or `nil` when none is installed (run scripts/setup).
    public static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["DEPWATCH_GO"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/find-go")
        guard let result = try? CommandRun.run(URL(fileURLWithPath: "/bin/bash"), [script.path]), result.status == 0 else { return nil }
        return URL(fileURLWithPath: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }()

    /// Runs go offline, with the local toolchain only and no workspace; `environment` adds to (or
    /// overrides) that, for a file module proxy (`GoModuleProxy.environment`).
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no Go 1.21+; run scripts/setup"]) }
        let offline = ["GOTOOLCHAIN": "local", "GOPROXY": "off", "GOWORK": "off", "GOFLAGS": ""]
        return try CommandRun.run(binary, arguments, in: directory, environment: offline.merging(environment) { $1 })
    }
}
