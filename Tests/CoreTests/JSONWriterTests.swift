import Foundation
import Testing
@testable import Core

/// `JSONWriter` and `StreamingJSONEncoder` write exactly the bytes `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: checked on models with every shape depwatch's
/// reports have (keys out of order, dictionaries, optionals both ways, empty containers, nesting, escapes,
/// numbers), against the encoder itself.
@Suite struct JSONWriterTests {
    struct Leaf: Encodable {
        var zeta: String
        var alpha: Int?
        var Beta: Bool
        var _under: [String]
        var mid: Double
    }

    struct Tree: Encodable {
        var name: String
        var leaves: [Leaf]
        var table: [String: Int]
        var empty: [Int]
        var emptyObject: [String: String]
        var nested: [[String: [Leaf]]]
        var missing: String?
        var explicitNull: String?

        enum CodingKeys: String, CodingKey { case name, leaves, table, empty, emptyObject = "empty_object", nested, missing, explicitNull = "explicit_null" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(leaves, forKey: .leaves)
            try c.encode(table, forKey: .table)
            try c.encode(empty, forKey: .empty)
            try c.encode(emptyObject, forKey: .emptyObject)
            try c.encode(nested, forKey: .nested)
            try c.encodeIfPresent(missing, forKey: .missing)
            try c.encode(explicitNull, forKey: .explicitNull)
        }
    }

    static let strings = ["plain", "", "quote \" and \\ backslash", "slash / kept", "tab\tline\nreturn\r", "\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}",
                          "del \u{7F} c1 \u{9B}", "naïve 日本 🦊", "\u{2028}\u{2029}", "a10", "a9", "B", "_", "é", "e"]

    static func tree(_ seed: Int) -> Tree {
        var generator = SystemRandomNumberGenerator()
        func pick() -> String { strings[(seed + Int.random(in: 0..<1000, using: &generator)) % strings.count] }
        let leaves = (0..<(seed % 4)).map { i in
            Leaf(zeta: pick(), alpha: i % 2 == 0 ? nil : i * 1_000_003 - 7, Beta: i % 3 == 0, _under: (0..<i).map { _ in pick() },
                 mid: [0, 1, 0.5, 3, 1e-7, 123456789.125, -2.25, 1e21][i % 8])
        }
        return Tree(name: pick(), leaves: leaves, table: Dictionary(uniqueKeysWithValues: strings.prefix(seed % 9).enumerated().map { ($1, $0) }),
                    empty: [], emptyObject: [:], nested: [["k": leaves], [:], ["b": [], "a": leaves]], missing: seed % 2 == 0 ? nil : pick(),
                    explicitNull: seed % 3 == 0 ? nil : pick())
    }

    static func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test(arguments: 0..<40)
    func streamingEncoderMatchesJSONEncoder(_ seed: Int) throws {
        let value = Self.tree(seed)
        #expect(try StreamingJSONEncoder.encode(value) == Self.reference(value))
    }

    @Test func writerMatchesJSONEncoderKeysGivenInAnyOrder() throws {
        var w = JSONWriter()
        w.beginObject()
        w.field("zeta", "z")
        w.object("alpha") { w in
            w.field("y", 2)
            w.field("x", nil as Int?)
        }
        w.array("list", [1, 2]) { w, n in w.value(n) }
        w.field("Beta", true)
        w.array("empty", [Int]()) { w, n in w.value(n) }
        w.object("none") { _ in }
        w.endObject()
        let expected = try Self.reference(["zeta": AnyEncodable("z"), "alpha": AnyEncodable(["y": AnyEncodable(2), "x": AnyEncodable(nil as Int?)]),
                                           "list": AnyEncodable([1, 2]), "Beta": AnyEncodable(true), "empty": AnyEncodable([Int]()),
                                           "none": AnyEncodable([String: Int]())])
        #expect(w.text == expected)
    }

    @Test func concurrentArraysEqualSequentialOnes() {
        let items = Array(0..<5000)
        var sequential = JSONWriter(), concurrent = JSONWriter()
        for writer in [0, 1] {
            var w = JSONWriter()
            w.beginObject()
            if writer == 0 {
                w.array("items", items) { w, n in w.beginObject(); w.field("n", n); w.field("s", String(n)); w.endObject() }
            } else {
                w.array("items", concurrently: items) { w, n in w.beginObject(); w.field("n", n); w.field("s", String(n)); w.endObject() }
            }
            w.endObject()
            if writer == 0 { sequential = w } else { concurrent = w }
        }
        #expect(sequential.text == concurrent.text)
    }
}

/// Type erasure for building the reference documents above.
struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
