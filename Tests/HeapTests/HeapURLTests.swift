import DepwatchTestSupport
import Foundation
import Testing

/// `depwatch heap http://…/debug/pprof/heap` against a live Go service on a loopback port.
@Suite(.enabled(if: GoToolchain.binary != nil, "needs Go (scripts/setup)"))
struct HeapURLTests {
    /// The running service and its address; stopped (SIGKILL) when the test ends.
    final class LiveService {
        let process = Process()
        let address: String

        init(_ service: LeakyService) throws {
            process.executableURL = URL(fileURLWithPath: service.server)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: "listening on ") else {
                process.terminate()
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the service said: \(text)"])
            }
            address = String(text[range.upperBound...].prefix { !$0.isWhitespace })
        }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func readsTheLiveProfileAndNamesTheLeak() throws {
        let service = try PprofReferenceTests.service.get()
        let live = try LiveService(service)
        let url = "http://\(live.address)/debug/pprof/heap"
        let result = try HeapCommandTests.heap([url, "--project", service.project])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(url): inuse_objects (owner view): "))
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("github.com/bluele/gcache v0.0.1") }, "\(result.stdout)")
        #expect(line.contains("objects"))
        #expect(result.stdout.contains("known leak x_DEPWATCH-2021-0001"))
        let text = try HeapCommandTests.heap([url + "?debug=1", "--project", service.project, "--format", "json"])
        #expect(text.status == 0 && text.stdout.contains("\"module\" : \"github.com/bluele/gcache\""), "\(text.stderr)")
    }

    @Test func pagesErrorsAndSlowServicesAreClearErrors() throws {
        let service = try PprofReferenceTests.service.get()
        let live = try LiveService(service)
        let html = try HeapCommandTests.heap(["http://\(live.address)/"])
        #expect(html.status == 2 && html.stderr.contains("http://\(live.address)/: byte 0: not a heap profile") && html.stderr.contains("HTML"),
                "\(html.stderr)")
        let missing = try HeapCommandTests.heap(["http://\(live.address)/debug/pprof/nothing"])
        #expect(missing.status == 2 && missing.stderr.contains("HTTP 404"), "\(missing.stderr)")
        let started = Date()
        let slow = try HeapCommandTests.heap(["http://\(live.address)/slow", "--timeout", "0.5"])
        #expect(slow.status == 2 && slow.stderr.contains("timed out"), "\(slow.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "the timeout did not cut the request")
        let refused = try HeapCommandTests.heap(["http://127.0.0.1:1/debug/pprof/heap", "--timeout", "2"])
        #expect(refused.status == 2 && refused.stderr.contains("cannot connect to 127.0.0.1:1"), "\(refused.stderr)")
        let tls = try HeapCommandTests.heap(["https://\(live.address)/debug/pprof/heap"])
        #expect(tls.status == 2 && tls.stderr.contains("https is not supported"), "\(tls.stderr)")
    }
}
