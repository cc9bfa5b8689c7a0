// The parsing steps of an audit, one core, over the manifests given (the corpus: every go.mod and
// Package.resolved of ../shared/corpus but the conflicted one) and the go.sum beside each go.mod, each step
// timed over all files, best of 20 passes. Built by benchmarks/parse_phases.sh (copied to
// main.swift) against the Versions and Manifest modules compiled from Sources/.
import Foundation
import Manifest

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

let inputs = Array(CommandLine.arguments.dropFirst())
let goMods = inputs.filter { $0.hasSuffix("/go.mod") || $0 == "go.mod" }
let resolvedFiles = inputs.filter { $0.hasSuffix("Package.resolved") }
let goSums = goMods.map { String($0.dropLast("go.mod".count)) + "go.sum" }.filter { ManifestFile.exists($0) }
let texts = goMods.map { try! ManifestFile.read($0) }
let sums = goSums.map { try! ManifestFile.utf8($0) }
let resolvedTexts = resolvedFiles.map { try! ManifestFile.read($0) }

func best(_ body: () -> Void) -> Double {
    (0..<20).map { _ in let start = now(); body(); return now() - start }.min()!
}

let steps: [(String, () -> Void)] = [
    ("read the go.mod files", { for path in goMods { _ = try! ManifestFile.read(path) } }),
    ("parse the go.mod files", { for (path, text) in zip(goMods, texts) { _ = try? GoModParser.parse(text, path: path) } }),
    ("read the go.sum files (checked UTF-8 bytes)", { for path in goSums { _ = try! ManifestFile.utf8(path) } }),
    ("check the go.sum files", { for (path, bytes) in zip(goSums, sums) { try? GoSumParser.validate(utf8: bytes, path: path) } }),
    ("parse the Package.resolved files", { for (path, text) in zip(resolvedFiles, resolvedTexts) { _ = try? PackageResolvedParser.parse(text, path: path) } }),
    ("read, parse and resolve everything (both cores)", { _ = InventoryLoader.load(inputs) }),
]
print("\(goMods.count) go.mod (\(texts.reduce(0) { $0 + $1.utf8.count }) bytes), \(goSums.count) go.sum (\(sums.reduce(0) { $0 + $1.count }) bytes), \(resolvedFiles.count) Package.resolved (\(resolvedTexts.reduce(0) { $0 + $1.utf8.count }) bytes)")
for (name, body) in steps {
    print(String(format: "%8.2f ms  %@", best(body), name))
}
