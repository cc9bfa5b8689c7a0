import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The user's test: a program and its arguments, run once per run of each step.
public struct TestCommand: Sendable, Equatable {
    /// The program (a path, or a name looked up in `PATH`).
    public var executable: String
    /// Its arguments.
    public var arguments: [String]

    /// A command from its words (`--` and what follows on depwatch's command line).
    public init?(_ words: [String]) {
        guard let first = words.first else { return nil }
        executable = first
        arguments = Array(words.dropFirst())
    }

    /// The command as a shell would show it.
    public var description: String {
        ([executable] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}

/// How one run of the test ended.
public struct RunOutcome: Sendable {
    /// How the process ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this code.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)
        /// It ran past `--timeout` and was stopped.
        case timedOut
    }

    /// How the process ended.
    public var termination: Termination
    /// Its standard output.
    public var standardOutput: String
    /// Its standard error.
    public var standardError: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// The last lines of what the command printed, for an error message.
    public var outputTail: String {
        let text = (standardOutput + standardError).split(separator: "\n", omittingEmptySubsequences: true).suffix(5)
        return text.isEmpty ? "(no output)" : text.joined(separator: "\n")
    }
}

/// Runs the test command in its own process group, with a time limit. Stopping it (a timeout, or the
/// bisection being cancelled by SIGINT/SIGTERM) signals the whole group: SIGTERM, then SIGKILL after
/// `gracePeriod`, so a `go run` and the program it built both stop.
public struct TestRunner: Sendable {
    /// The most output kept from one stream of one run.
    public static let outputLimit = 16 << 20
    /// How long a stopped command gets between SIGTERM and SIGKILL.
    public var gracePeriod: Duration = .seconds(2)

    /// Creates a runner.
    public init() {}

    /// Runs `command` in `directory` with `environment` added to depwatch's own; `timeout` in seconds.
    /// Throws `CancellationError` when the calling task is cancelled (the child group is stopped first).
    public func run(_ command: TestCommand, in directory: String, environment: [String: String],
                    timeout: Double?) async throws -> RunOutcome {
        let started = ContinuousClock.now
        let result = try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask { .finished(try await launch(command, in: directory, environment: environment)) }
            if let timeout {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                    return .timedOut
                }
            }
            let first = try await group.next()!
            group.cancelAll()
            // Wait for the child to be torn down before going on (its group is signalled on cancellation).
            while let _ = try? await group.next() {}
            return first
        }
        try Task.checkCancellation()
        let seconds = Self.seconds(ContinuousClock.now - started)
        switch result {
        case .timedOut:
            return RunOutcome(termination: .timedOut, standardOutput: "", standardError: "", seconds: seconds)
        case .finished(let finished):
            return RunOutcome(termination: finished.termination, standardOutput: finished.output, standardError: finished.error,
                              seconds: seconds)
        }
    }

    private enum Ending: Sendable {
        case finished(Finished)
        case timedOut
    }

    private struct Finished: Sendable {
        var termination: RunOutcome.Termination
        var output: String
        var error: String
    }

    private func launch(_ command: TestCommand, in directory: String, environment: [String: String]) async throws -> Finished {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: gracePeriod),
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .seconds(1)),
        ]
        var overrides: [Environment.Key: String?] = [:]
        for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
        let executable: Executable = command.executable.contains("/") ? .path(FilePath(command.executable)) : .name(command.executable)
        let result = try await Subprocess.run(
            executable, arguments: Arguments(command.arguments), environment: .inherit.updating(overrides),
            workingDirectory: FilePath(directory), platformOptions: options, input: .none,
            output: .string(limit: Self.outputLimit), error: .string(limit: Self.outputLimit))
        let termination: RunOutcome.Termination
        switch result.terminationStatus {
        case .exited(let code): termination = .exited(code)
        case .signaled(let signal): termination = .signaled(signal)
        }
        return Finished(termination: termination, output: result.standardOutput, error: result.standardError)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
