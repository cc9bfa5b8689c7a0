import Core
import Foundation
import Manifest
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The packages a Go module's code imports, from `go list -deps ./...` run in its directory — offline
/// (`GOPROXY=off`), with what the module cache or a vendor folder holds, and the local toolchain only —
/// for package-level reachability of a source project's findings (`audit --packages`).
public enum GoPackageLister {
    /// Why the packages could not be listed.
    public struct Failure: Error, Sendable, Equatable {
        /// What went wrong, in one line.
        public var reason: String
    }

    /// The most output kept (a large module graph lists a few thousand packages).
    static let outputLimit = 16 << 20

    /// The import paths of every package the module in `directory` builds, its dependencies and the
    /// standard library's included; `go` is the go command (a name on PATH, or a path).
    public static func imports(ofModuleIn directory: String, go: String = "go", timeout: Duration = .seconds(120)) async -> Result<Set<String>, Failure> {
        let overrides: [Environment.Key: String?] = ["GOPROXY": "off", "GOTOOLCHAIN": "local", "GOFLAGS": nil]
        let executable: Executable = go.contains("/") ? .path(FilePath(go)) : .name(go)
        do {
            let outcome = try await withThrowingTaskGroup(of: ExecutionRecord?.self) { group in
                group.addTask {
                    let result = try await Subprocess.run(
                        executable, arguments: ["list", "-deps", "-f", "{{.ImportPath}}", "./..."],
                        environment: .inherit.updating(overrides), workingDirectory: FilePath(directory), input: .none,
                        output: .string(limit: outputLimit), error: .string(limit: outputLimit))
                    return ExecutionRecord(status: result.terminationStatus, output: result.standardOutput, error: result.standardError)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            guard let outcome else { return .failure(Failure(reason: "go list did not finish in \(timeout)")) }
            guard case .exited(0) = outcome.status else {
                let line = outcome.error.split(separator: "\n").first.map(String.init) ?? "exit \(outcome.status)"
                return .failure(Failure(reason: "go list failed: \(line)"))
            }
            return .success(Set(outcome.output.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
        } catch {
            return .failure(Failure(reason: "go list could not run: \(error)"))
        }
    }

    /// The imported packages of every go.mod of `inventory` (binaries and Swift pins aside), listed a few
    /// at a time; each module that cannot be listed is a warning and is audited without reachability.
    public static func imports(of inventory: Inventory, go: String = "go") async -> (packages: [String: Set<String>], warnings: [Diagnostic]) {
        let modules = inventory.manifests.filter { $0.ecosystem == .go && $0.binary == nil && PathName.base(of: $0.path) == "go.mod" }.map(\.path)
        var packages: [String: Set<String>] = [:], warnings: [Diagnostic] = []
        await withTaskGroup(of: (String, Result<Set<String>, Failure>).self) { group in
            var next = 0
            func start() {
                guard next < modules.count else { return }
                let path = modules[next]
                next += 1
                group.addTask { (path, await imports(ofModuleIn: PathName.directory(of: path), go: go)) }
            }
            for _ in 0..<4 { start() }
            while let (path, result) = await group.next() {
                switch result {
                case .success(let listed): packages[path] = listed
                case .failure(let failure):
                    warnings.append(Diagnostic(.warning, .uncheckedReachability, path: path, line: nil, column: nil,
                                               message: "\(failure.reason); audited without package reachability"))
                }
                start()
            }
        }
        return (packages, warnings.sorted { $0.path < $1.path })
    }

    private struct ExecutionRecord: Sendable {
        var status: TerminationStatus
        var output: String
        var error: String
    }
}
