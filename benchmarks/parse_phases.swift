// The parsing steps of an audit, one core, over every go.mod and go.sum of a folder (../shared/corpus),
// each step timed over all files, best of 20 passes. Built by benchmarks/parse_phases.sh (copied to
// main.swift) against the Versions and Manifest modules compiled from Sources/.
import Foundation
import Manifest

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

let root = CommandLine.arguments[1]
var goMods: [String] = []
let walker = FileManager.default.enumerator(atPath: root)!
while let relative = walker.nextObject() as? String {
    if relative.hasSuffix("/go.mod") || relative == "go.mod" { goMods.append(root + "/" + relative) }
}
goMods.sort()
let goSums = goMods.map { String($0.dropLast("go.mod".count)) + "go.sum" }.filter { ManifestFile.exists($0) }
let texts = goMods.map { try! ManifestFile.read($0) }
let sums = goSums.map { try! ManifestFile.utf8($0) }

func best(_ body: () -> Void) -> Double {
    (0..<20).map { _ in let start = now(); body(); return now() - start }.min()!
}

let steps: [(String, () -> Void)] = [
    ("read the go.mod files", { for path in goMods { _ = try! ManifestFile.read(path) } }),
    ("parse the go.mod files", { for (path, text) in zip(goMods, texts) { _ = try? GoModParser.parse(text, path: path) } }),
    ("read the go.sum files (checked UTF-8 bytes)", { for path in goSums { _ = try! ManifestFile.utf8(path) } }),
    ("check the go.sum files", { for (path, bytes) in zip(goSums, sums) { try? GoSumParser.validate(utf8: bytes, path: path) } }),
    ("discover, read, parse and resolve everything (both cores)", { _ = InventoryLoader.load([root]) }),
]
print("\(goMods.count) go.mod (\(texts.reduce(0) { $0 + $1.utf8.count }) bytes), \(goSums.count) go.sum (\(sums.reduce(0) { $0 + $1.count }) bytes)")
for (name, body) in steps {
    print(String(format: "%8.2f ms  %@", best(body), name))
}
