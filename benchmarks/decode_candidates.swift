// Decoding candidates for `db import`, measured on the same bytes, one core, release build.
// Built by benchmarks/import.sh (copied to main.swift) together with Sources/Advisories/Import/JSONCursor.swift.
import Foundation

struct Package: Decodable { var ecosystem: String; var name: String }
struct Event: Decodable { var introduced: String?; var fixed: String?; var last_affected: String?; var limit: String? }
struct Range: Decodable { var type: String; var events: [Event] }
struct Affected: Decodable { var package: Package?; var ranges: [Range]? }
struct Advisory: Decodable { var id: String; var modified: String; var aliases: [String]?; var summary: String?; var affected: [Affected]? }

func files(_ root: String) -> [String] {
    let e = FileManager.default.enumerator(atPath: root)!
    var result: [String] = []
    while let p = e.nextObject() as? String { if p.hasSuffix(".json") { result.append(root + "/" + p) } }
    return result
}

func measure(_ name: String, _ documents: [[UInt8]], _ body: ([UInt8]) -> Bool) {
    var best = Double.infinity
    for _ in 0..<5 {
        let start = Date()
        var ok = 0
        for d in documents where body(d) { ok += 1 }
        best = min(best, Date().timeIntervalSince(start))
        precondition(ok == documents.count, "\(name) failed on \(documents.count - ok) documents")
    }
    print(String(format: "%-44@ %7.1f ms  (%.0f documents/s)", name as NSString, best * 1000, Double(documents.count) / best))
}

let documents = files(CommandLine.arguments[1]).map { [UInt8](FileManager.default.contents(atPath: $0)!) }
print("\(documents.count) documents, \(documents.reduce(0) { $0 + $1.count }) bytes")
let decoder = JSONDecoder()
measure("Foundation JSONDecoder (OSV subset)", documents) { (try? decoder.decode(Advisory.self, from: Data($0))) != nil }
measure("Foundation JSONSerialization (whole tree)", documents) { (try? JSONSerialization.jsonObject(with: Data($0))) != nil }
measure("JSONCursor: validate all, decode id only", documents) { bytes in
    bytes.withUnsafeBufferPointer { buffer in
        var cursor = JSONCursor(buffer)
        var id: String?
        do {
            try cursor.object { (c: inout JSONCursor, key) throws(JSONCursor.Failure) in
                if key == "id" { id = try c.string() } else { try c.skip() }
            }
            try cursor.expectEnd()
        } catch { return false }
        return id != nil
    }
}
