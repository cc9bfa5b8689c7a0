import Advisories
import Audit
import Foundation
import GoBinary
import Heap
import Manifest
import Scan
import Versions

/// Every parser of untrusted bytes, by the name `scripts/fuzz` gives it. Each takes whatever bytes it is
/// given and must return — an error is fine, a crash, a hang or a leak is not.
enum FuzzTargets {
    static let all: [String: @Sendable (UnsafeRawBufferPointer) -> Void] = [
        "gomod": { text($0) { _ = try? GoModParser.parse($0, path: "go.mod") } },
        "gosum": { text($0) { _ = try? GoSumParser.parse($0, path: "go.sum") } },
        "gowork": { text($0) { _ = try? GoWorkParser.parse($0, path: "go.work") } },
        "package-resolved": { text($0) { _ = try? PackageResolvedParser.parse($0, path: "Package.resolved") } },
        "package-swift": { text($0) { _ = PackageSwiftDeclarations.packages(in: $0) } },
        "osv": { _ = try? OSVAdvisory(bytes: Array($0)) },
        "policy": { text($0) { _ = try? PolicyParser.parse($0, path: "depwatch.toml") } },
        "vet": { text($0) { _ = try? VetRecords.parse($0, path: "depwatch.vet.toml") } },
        "scan-config": { text($0) { _ = try? RepositoryList.parse($0, path: "depwatch-scan.toml") } },
        "versions": { text($0) { versions($0) } },
        "heap": { _ = try? HeapProfileReader.read(Array($0), path: "heap.pb.gz") },
        "gobinary": { bytes in
            _ = try? GoBinary.inspect(bytes: bytes, path: "binary") { binary in try binary.functions() }
        },
    ]

    /// The input as text when it is UTF-8 (as every manifest reader requires before parsing).
    private static func text(_ bytes: UnsafeRawBufferPointer, _ body: (String) -> Void) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        body(text)
    }

    /// Each line as a Go version, a pseudo-version and a toolchain tag, compared with the others.
    private static func versions(_ text: String) {
        let parsed = text.split(separator: "\n").prefix(64).map { line -> GoVersion? in
            let word = String(line)
            _ = GoPseudoVersion(word)
            _ = GoToolchainVersion.semver(fromTag: word)
            _ = GoToolchainVersion.semver(fromDirective: word)
            return GoVersion(word)
        }.compactMap { $0 }
        _ = parsed.sorted()
    }
}
