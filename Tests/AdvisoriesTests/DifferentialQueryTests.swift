import DepwatchTestSupport
import Foundation
import Testing
@testable import Advisories

/// `db query` checked against a second, deliberately plain evaluation written here from the OSV
/// schema's text, on (package, version) pairs drawn from the data's own event versions ±1 patch.
@Suite struct DifferentialQueryTests {
    /// A Go version as plain numbers and identifiers (no code shared with depwatch's `GoVersion`).
    struct PlainVersion: Comparable {
        var numbers: [Int]
        var pre: [String]

        init?(_ text: String) {
            var s = text.hasPrefix("v") ? String(text.dropFirst()) : text
            if let plus = s.firstIndex(of: "+") { s = String(s[..<plus]) }
            var core = s, pre = ""
            if let dash = s.firstIndex(of: "-") { core = String(s[..<dash]); pre = String(s[s.index(after: dash)...]) }
            let parts = core.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && !($0.count > 1 && $0.hasPrefix("0")) }),
                  parts.count == 3 || (pre.isEmpty && !text.contains("+")) else { return nil }
            if s.hasSuffix("-") { return nil }
            numbers = parts.map { Int($0) ?? Int.max } + Array(repeating: 0, count: 3 - parts.count)
            self.pre = pre.isEmpty ? [] : pre.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if self.pre.contains(where: { $0.isEmpty || ($0.allSatisfy(\.isNumber) && $0.count > 1 && $0.hasPrefix("0")) }) { return nil }
        }

        static func < (a: PlainVersion, b: PlainVersion) -> Bool {
            if a.numbers != b.numbers { return a.numbers.lexicographicallyPrecedes(b.numbers) }
            if a.pre.isEmpty || b.pre.isEmpty { return !a.pre.isEmpty && b.pre.isEmpty }
            for (x, y) in zip(a.pre, b.pre) where x != y {
                switch (Int(x), Int(y)) {
                case let (i?, j?): return i < j
                case (.some, nil): return true
                case (nil, .some): return false
                default: return x < y
                }
            }
            return a.pre.count < b.pre.count
        }
    }

    /// One OSV range's events as a timeline: parsed and sorted once; `nil` when it has a `limit` or a
    /// version the plain parser does not read (then the range cannot be evaluated plainly).
    static func timeline(_ range: [String: Any]) -> [(PlainVersion?, String)]? {
        let events = (range["events"] as? [[String: String]]) ?? []
        var timeline: [(PlainVersion?, String)] = []
        for event in events {
            guard let (kind, value) = event.first else { continue }
            if kind == "limit" { return nil }
            if value == "0" && kind == "introduced" { timeline.append((nil, kind)); continue }
            guard let v = PlainVersion(value) else { return nil }
            timeline.append((v, kind))
        }
        timeline.sort { a, b in a.0 == nil ? b.0 != nil : (b.0 != nil && a.0! < b.0!) }
        return timeline
    }

    /// Whether `version` is in a range's timeline: walk the sorted events.
    static func inRange(_ timeline: [(PlainVersion?, String)], _ version: PlainVersion) -> Bool {
        var affected = false
        for (v, kind) in timeline {
            switch kind {
            case "introduced": if v == nil || !(version < v!) { affected = true }
            case "fixed": if !(version < v!) { affected = false }
            case "last_affected": if v! < version { affected = false }
            default: break
            }
        }
        return affected
    }

    /// What one entry says of one package, read from its JSON once: the listed versions, and each
    /// non-GIT range's timeline (`nil`: not plainly evaluable). `custom_ranges` replace `ranges` when
    /// every one of their versions parses.
    struct PlainAffected {
        var id: String
        var versions: [PlainVersion?]
        var timelines: [[(PlainVersion?, String)]?]

        init(id: String, _ affected: [String: Any]) {
            self.id = id
            var ranges = affected["ranges"] as? [[String: Any]] ?? []
            if let custom = (affected["ecosystem_specific"] as? [String: Any])?["custom_ranges"] as? [[String: Any]] {
                let values = custom.flatMap { ($0["events"] as? [[String: String]] ?? []).flatMap(\.values) }
                if values.allSatisfy({ $0 == "0" || PlainVersion($0) != nil }) { ranges = custom }
            }
            versions = (affected["versions"] as? [String] ?? []).map(PlainVersion.init)
            timelines = ranges.filter { ($0["type"] as? String) != "GIT" }.map(DifferentialQueryTests.timeline)
        }
    }

    /// Per Go package, what every entry naming it says of it.
    nonisolated(unsafe) static let affectedByPackage: [String: [PlainAffected]] = {
        var result: [String: [PlainAffected]] = [:]
        for (package, entries) in entriesByPackage {
            result[package] = entries.flatMap { entry in
                entry.affected.filter { ($0["package"] as? [String: String])?["name"] == package }.map { PlainAffected(id: entry.id, $0) }
            }
        }
        return result
    }()

    struct Entry { var id: String; var affected: [[String: Any]] }

    /// The entries naming each Go package.
    nonisolated(unsafe) static let entriesByPackage: [String: [Entry]] = {
        var result: [String: [Entry]] = [:]
        for entry in goEntries {
            let names = Set(entry.affected.compactMap { ($0["package"] as? [String: String])?["name"] })
            for name in names { result[name, default: []].append(entry) }
        }
        return result
    }()

    nonisolated(unsafe) static let goEntries: [Entry] = {
        var entries: [Entry] = []
        let root = TestPaths.shared.appendingPathComponent("advisories").path
        let enumerator = FileManager.default.enumerator(atPath: root)!
        var newest: [String: (String, [String: Any])] = [:]
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"),
                  let data = FileManager.default.contents(atPath: root + "/" + relative),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let id = object["id"] as? String, let modified = object["modified"] as? String else { continue }
            if let current = newest[id], current.0 >= modified { continue }
            newest[id] = (modified, object)
        }
        for (id, (_, object)) in newest where object["withdrawn"] == nil {
            let affected = (object["affected"] as? [[String: Any]] ?? []).filter { ($0["package"] as? [String: String])?["ecosystem"] == "Go" }
            if !affected.isEmpty { entries.append(Entry(id: id, affected: affected)) }
        }
        return entries
    }()

    /// The ids of advisories affecting `package` at `version`, by the plain evaluation; `nil` when an
    /// entry cannot be evaluated plainly (then the pair is not compared).
    static func plainAffected(_ package: String, _ version: String) -> Set<String>? {
        guard let v = PlainVersion(version) else { return nil }
        var ids: Set<String> = []
        for affected in affectedByPackage[package] ?? [] {
            if affected.versions.contains(where: { $0 == v }) { ids.insert(affected.id) }
            for timeline in affected.timelines {
                guard let timeline else { return nil }
                if inRange(timeline, v) { ids.insert(affected.id) }
            }
        }
        return ids
    }

    /// (package, version) pairs: every event version of every Go package, and its patch neighbours.
    static let pairs: [(String, String)] = {
        var result: Set<[String]> = []
        for entry in goEntries {
            for affected in entry.affected {
                guard let name = (affected["package"] as? [String: String])?["name"] else { continue }
                let ranges = (affected["ranges"] as? [[String: Any]] ?? [])
                    + ((affected["ecosystem_specific"] as? [String: Any])?["custom_ranges"] as? [[String: Any]] ?? [])
                for value in ranges.flatMap({ ($0["events"] as? [[String: String]] ?? []).flatMap(\.values) }) where value != "0" {
                    let core = value.split(separator: "-").first.map(String.init) ?? value
                    let parts = core.split(separator: ".").compactMap { Int($0) }
                    guard parts.count == 3 else { continue }
                    result.insert([name, "v" + value])
                    result.insert([name, "v\(parts[0]).\(parts[1]).\(parts[2] + 1)"])
                    if parts[2] > 0 { result.insert([name, "v\(parts[0]).\(parts[1]).\(parts[2] - 1)"]) }
                }
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
    }()

    @Test func queryAgreesWithAPlainEvaluation() throws {
        let store = try TestStore.shared()
        _ = Self.affectedByPackage   // built once, before the threads read it
        let packages = Dictionary(grouping: Self.pairs, by: \.0).mapValues { $0.map(\.1) }.sorted { $0.key < $1.key }
        // Each package on its own: compared on every core.
        var outcomes = [(compared: Int, disagreements: [String], failure: String?)](repeating: (0, [], nil), count: packages.count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: packages.count) { index in
                let (package, versions) = packages[index]
                do {
                    let answersByVersion = try store.query(package: package, versions: versions, ecosystem: .go)
                    for version in versions {
                        guard let expected = Self.plainAffected(package, version) else { continue }
                        let answers = answersByVersion[version] ?? []
                        let actual = Set(answers.filter { $0.verdict?.outcome == .affected && !$0.stored.curated }.map(\.stored.advisory.id))
                        if actual != expected {
                            output[index].disagreements.append(
                                "\(package)@\(version): only depwatch \(actual.subtracting(expected).sorted()), only plain \(expected.subtracting(actual).sorted())")
                        }
                        output[index].compared += 1
                    }
                } catch {
                    output[index].failure = "\(package): \(error)"
                }
            }
        }
        #expect(outcomes.compactMap(\.failure).isEmpty, "\(outcomes.compactMap(\.failure).prefix(3))")
        let compared = outcomes.map(\.compared).reduce(0, +)
        let disagreements = outcomes.flatMap(\.disagreements)
        #expect(compared >= 1000, "compared \(compared) pairs")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.prefix(5))")
    }
}
