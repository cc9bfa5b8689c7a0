import Dispatch
import Foundation

/// Writes JSON as it goes, byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`, empty
/// containers as `[\n\n]`, C0 controls escaped, `/` and non-ASCII raw), without building a tree of
/// boxes first: a corpus audit's 2.8 MB of JSON took as long through `JSONEncoder` as the audit itself.
///
/// Keys are sorted by their bytes, as `.sortedKeys` sorts them. Writers are expected to give an object's
/// keys in that order (then nothing moves); an object whose keys came in another order is put in order
/// when it closes, so the output is right either way.
public struct JSONWriter {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []
    private var frames: [Frame] = []
    /// Every open object's members: key and where its line starts (after the separator), for reordering;
    /// one stack for all objects, so that an object costs no allocation of its own.
    private var members: [(key: String, start: Int)] = []
    /// Set by `key`: the next value follows it on the same line.
    private var afterKey = false

    private struct Frame {
        var isObject: Bool
        var count = 0
        var inOrder = true
        /// Where this object's members begin in `members`.
        var firstMember: Int
    }

    /// An empty writer.
    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written, with the final line feed the reports end with.
    public var text: String {
        var copy = self
        return copy.finish()
    }

    /// The text written, with the final line feed, without copying the bytes first (the writer is left
    /// holding that line feed).
    public mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    /// The bytes written, with the final line feed (the writer is left holding that line feed): for output
    /// that goes straight to a file, without the `String`'s UTF-8 check of the whole document.
    public mutating func finishBytes() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    // MARK: Containers

    /// Opens an object (a value: after a key, in an array, or at the top).
    public mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        frames.append(Frame(isObject: true, firstMember: members.count))
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        let frame = frames.removeLast()
        if !frame.inOrder { reorder(frame) }
        members.removeSubrange(frame.firstMember...)
        close(frame, with: UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        frames.append(Frame(isObject: false, firstMember: members.count))
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        close(frames.removeLast(), with: UInt8(ascii: "]"))
    }

    /// Writes `key` in the innermost object; the next call writes its value.
    public mutating func key(_ key: String) {
        let index = frames.count - 1
        separate()
        if members.count > frames[index].firstMember, !members[members.count - 1].key.utf8.lexicographicallyPrecedes(key.utf8) {
            frames[index].inOrder = false
        }
        members.append((key, bytes.count - 2 * frames.count))
        appendString(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        afterKey = true
    }

    // MARK: Values

    /// A string.
    public mutating func value(_ string: String) {
        beginValue()
        appendString(string)
    }

    /// A string, or `null`.
    public mutating func value(_ string: String?) {
        if let string { value(string) } else { null() }
    }

    /// An integer.
    public mutating func value(_ number: Int) {
        beginValue()
        bytes.append(contentsOf: String(number).utf8)
    }

    /// An unsigned integer (any width).
    public mutating func value<I: UnsignedInteger>(integer number: I) {
        beginValue()
        bytes.append(contentsOf: String(number).utf8)
    }

    /// An integer, or `null`.
    public mutating func value(_ number: Int?) {
        if let number { value(number) } else { null() }
    }

    /// A floating-point number, formatted as `JSONEncoder` formats it (`3`, `0.25`, `1e-07`).
    public mutating func value(_ number: Double) {
        beginValue()
        let encoded = (try? JSONEncoder().encode(number)) ?? Data("null".utf8)
        bytes.append(contentsOf: encoded)
    }

    /// A floating-point number, or `null`.
    public mutating func value(_ number: Double?) {
        if let number { value(number) } else { null() }
    }

    /// A boolean.
    public mutating func value(_ flag: Bool) {
        beginValue()
        bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
    }

    /// A boolean, or `null`.
    public mutating func value(_ flag: Bool?) {
        if let flag { value(flag) } else { null() }
    }

    /// `null`.
    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// An array of strings.
    public mutating func value(_ strings: [String]) {
        beginArray()
        for string in strings { value(string) }
        endArray()
    }

    // MARK: Members, for brevity

    /// `"key" : "value"` (or `null`).
    public mutating func field(_ key: String, _ string: String?) { self.key(key); value(string) }
    /// `"key" : 12` (or `null`).
    public mutating func field(_ key: String, _ number: Int?) { self.key(key); value(number) }
    /// `"key" : 0.5` (or `null`).
    public mutating func field(_ key: String, _ number: Double?) { self.key(key); value(number) }
    /// `"key" : true` (or `null`).
    public mutating func field(_ key: String, _ flag: Bool?) { self.key(key); value(flag) }
    /// `"key" : [ "a", … ]`.
    public mutating func field(_ key: String, _ strings: [String]) { self.key(key); value(strings) }
    /// `"key" : "value"` when there is a value; nothing otherwise (`encodeIfPresent`).
    public mutating func fieldIfPresent(_ key: String, _ string: String?) { if let string { field(key, string) } }
    /// `"key" : 12` when there is a value; nothing otherwise.
    public mutating func fieldIfPresent(_ key: String, _ number: Int?) { if let number { field(key, number) } }
    /// `"key" : true` when there is a value; nothing otherwise.
    public mutating func fieldIfPresent(_ key: String, _ flag: Bool?) { if let flag { field(key, flag) } }
    /// `"key" : { … }`, the members written by `body`.
    public mutating func object(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        beginObject()
        body(&self)
        endObject()
    }
    /// `"key" : [ … ]`, one element per item, written by `body`.
    public mutating func array<S: Sequence>(_ key: String, _ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        self.key(key)
        beginArray()
        for item in items { body(&self, item) }
        endArray()
    }

    // MARK: Arrays written on every core

    /// `"key" : [ … ]`, the elements written by `body` in chunks on every core, then joined in order: for
    /// the arrays of thousands of records a report holds (each chunk is its own writer at this depth).
    public mutating func array<C: RandomAccessCollection & Sendable>(
        _ key: String, concurrently items: C, _ body: @Sendable (inout JSONWriter, C.Element) -> Void
    ) where C.Index == Int {
        self.key(key)
        beginArray()
        let chunkCount = items.count < 256 ? 1 : min(8, items.count / 128)
        let depth = frames.count
        let chunks = (0..<chunkCount).concurrentMap { chunk in
            var writer = JSONWriter(elementsAtDepth: depth)
            let lower = items.startIndex + items.count * chunk / chunkCount
            let upper = items.startIndex + items.count * (chunk + 1) / chunkCount
            for index in lower..<upper { body(&writer, items[index]) }
            return writer
        }
        for chunk in chunks where chunk.frames.last!.count > 0 {
            if frames[frames.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: chunk.bytes)
            frames[frames.count - 1].count += chunk.frames.last!.count
        }
        endArray()
    }

    /// A writer for elements of an array `depth` containers deep (the array itself written elsewhere).
    private init(elementsAtDepth depth: Int) {
        bytes.reserveCapacity(1 << 16)
        frames = Array(repeating: Frame(isObject: false, firstMember: 0), count: depth)
    }

    // MARK: Layout

    /// Before a value: nothing after a key; in an array, the separator and the element's indent.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard !frames.isEmpty else { return }
        separate()
    }

    /// The separator before the innermost container's next member or element, and its indent.
    private mutating func separate() {
        let index = frames.count - 1
        if frames[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * frames.count))
        frames[index].count += 1
    }

    private mutating func close(_ frame: Frame, with bracket: UInt8) {
        if frame.count == 0 { bytes.append(0x0A) }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * frames.count))
        bytes.append(bracket)
    }

    /// Puts an object's member lines in key order: each runs from its indent to the next member's `,`.
    /// The object's own bytes are copied out first, so that `bytes` stays uniquely referenced (slices of it
    /// would make the replacement copy the whole document: quadratic).
    private mutating func reorder(_ frame: Frame) {
        let own = members[frame.firstMember...]
        let start = own.first!.start, end = bytes.count
        let region = Array(bytes[start..<end])
        var lines: [(key: String, bytes: ArraySlice<UInt8>)] = []
        for index in own.indices {
            let stop = index + 1 < own.endIndex ? own[index + 1].start - 2 : end
            lines.append((own[index].key, region[(own[index].start - start)..<(stop - start)]))
        }
        lines.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(end - start)
        for (index, line) in lines.enumerated() {
            if index > 0 { rebuilt.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
            rebuilt.append(contentsOf: line.bytes)
        }
        bytes.replaceSubrange(start..<end, with: rebuilt)
    }

    // MARK: Strings

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A quoted string, escaped as `JSONEncoder` escapes (`\"`, `\\`, `\b \f \n \r \t`, other C0 as `\u00XX`).
    private mutating func appendString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
