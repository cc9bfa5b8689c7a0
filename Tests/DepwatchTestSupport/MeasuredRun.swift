import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run to completion with what it cost: wall-clock seconds and peak resident memory, the
/// child's own high-water mark (`VmHWM` of `/proc/PID/status`, read every millisecond while it runs: a
/// high-water mark only grows, so only a rise in its last millisecond could be missed). Not `wait4`'s
/// `ru_maxrss`: posix_spawn's child shares the test process's memory until it execs, and that counts.
public struct MeasuredRun: Sendable {
    /// The outcome.
    public var result: CommandResult
    /// Wall-clock seconds.
    public var seconds: Double
    /// Peak resident memory, MiB.
    public var peakMiB: Double

    /// Runs the built depwatch with `arguments` (paths absolute: it runs in the test's directory), killing
    /// it after `limit` seconds (a hang becomes a failed bound, not a stuck test run).
    public static func depwatch(_ arguments: [String], limit: Double = 60) throws -> MeasuredRun {
        let scratch = try TemporaryDirectory()
        let out = scratch.path("stdout"), err = scratch.path("stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([TestPaths.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, TestPaths.binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(spawned)"]) }
        var status: Int32 = 0, usage = rusage(), peakKiB = 0
        while true {
            if let mark = highWaterMark(pid) { peakKiB = max(peakKiB, mark) }
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if Date().timeIntervalSince(started) > limit { kill(pid, SIGKILL) }
            usleep(1_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let result = CommandResult(status: exit, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                                   stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        return MeasuredRun(result: result, seconds: seconds, peakMiB: Double(peakKiB) / 1024)
    }

    /// `VmHWM` of a running process, in KiB.
    static func highWaterMark(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
