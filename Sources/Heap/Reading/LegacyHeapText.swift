import Core
import Foundation

/// The legacy text form of a Go heap profile (`/debug/pprof/heap?debug=1`, `pprof.WriteHeapProfile` with
/// debug 1): a `heap profile: …` header, then per stack `inuse_objects: inuse_bytes [alloc_objects:
/// alloc_bytes] @ addresses` followed by `#\t0xADDR\tfunction+0xOFF\tfile:line` lines that name its
/// frames, leaf first. Values are scaled for the sampling as `go tool pprof` scales them (the Poisson
/// estimate, 1 / (1 - e^(-average size / rate))), with the rate from `heap/N` (N is twice the rate).
enum LegacyHeapText {
    /// Whether `bytes` start like this form.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = Array("heap profile:".utf8)
        return bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ProfileFailure) -> HeapProfile {
        var lines = Lines(bytes)
        guard let header = lines.next() else { throw ProfileFailure(offset: 0, message: "an empty profile") }
        let rate = try Self.rate(header)
        var profile = HeapProfile(
            sampleTypes: [.init(type: "alloc_objects", unit: "count"), .init(type: "alloc_space", unit: "bytes"),
                          .init(type: "inuse_objects", unit: "count"), .init(type: "inuse_space", unit: "bytes")],
            defaultSampleType: "inuse_space", functions: [])
        // One location per function: the text names each frame by itself.
        var byName: [String: Int32] = [:], chunk = HeapProfile.Chunk()
        func frame(_ name: String) -> Int32 {
            if let slot = byName[name] { return slot }
            profile.functions.append(name)
            let location = profile.addLocation(frames: [Int32(profile.functions.count - 1)])
            byName[name] = location
            return location
        }
        var pending: (values: [Int64], addresses: [String], named: [Int32])?
        func flush() {
            guard let record = pending else { return }
            let stack = record.named.isEmpty ? record.addresses.map(frame) : record.named
            chunk.values.append(contentsOf: record.values)
            chunk.stackStarts.append(Int32(profile.stackBytes.count))
            // Location ids are their indices plus one (ids start at 1, as Go numbers them).
            for location in stack { Varint.append(UInt64(location) + 1, to: &profile.stackBytes) }
            chunk.stackEnds.append(Int32(profile.stackBytes.count))
            pending = nil
        }
        while let line = lines.next() {
            if line.text.isEmpty { flush(); continue }
            if line.text.hasPrefix("#") {
                // A frame of the record above (`#\t0x…\tname+0x…\tfile:line`); other comments (the
                // MemStats section) name nothing.
                let fields = line.text.split(separator: "\t", omittingEmptySubsequences: false)
                if pending != nil, fields.count >= 3, fields[0] == "#", fields[1].hasPrefix("0x") {
                    let name = fields[2].range(of: "+0x", options: .backwards).map { String(fields[2][..<$0.lowerBound]) } ?? String(fields[2])
                    pending?.named.append(frame(GoFunctionName.normalized(name)))
                }
                continue
            }
            flush()
            let (counts, addresses) = try record(line)
            let (alloc, inuse) = (scale(counts[2], counts[3], rate), scale(counts[0], counts[1], rate))
            pending = ([alloc.0, alloc.1, inuse.0, inuse.1], addresses, [])
        }
        flush()
        profile.append(chunk)
        profile.locationIndex = HeapProfile.LocationIndex((0..<profile.locationEnds.count).map { UInt64($0) + 1 })
        return profile
    }

    /// The sampling rate the header gives (`@ heap/1048576`: twice the rate), or 1 when it is not sampled.
    private static func rate(_ header: Lines.Line) throws(ProfileFailure) -> Int64 {
        guard let at = header.text.range(of: "@") else {
            throw ProfileFailure(offset: header.offset, message: "a heap profile header without @ heap/RATE")
        }
        let kind = header.text[at.upperBound...].trimmingCharacters(in: .whitespaces)
        let parts = kind.split(separator: "/", maxSplits: 1)
        let period = parts.count == 2 ? Int64(parts[1]) : nil
        switch parts.first.map(String.init) {
        case "heap": return (period ?? 0) / 2
        case "heap_v2", "heapz_v2": return period ?? 0
        case "heapprofile": return 1
        default: throw ProfileFailure(offset: header.offset, message: "not a Go heap profile header: \(TextExcerpt.quote(header.text))")
        }
    }

    /// `N: M [A: B] @ 0x… 0x…` → the four counts and the addresses.
    private static func record(_ line: Lines.Line) throws(ProfileFailure) -> ([Int64], [String]) {
        let text = line.text
        guard let at = text.range(of: "@") else {
            throw ProfileFailure(offset: line.offset, message: "not a heap profile record: \(TextExcerpt.quote(text))")
        }
        let numbers = text[..<at.lowerBound].split(whereSeparator: { $0 == ":" || $0 == "[" || $0 == "]" || $0 == " " })
        let counts = numbers.compactMap { Int64($0) }
        guard numbers.count == 4, counts.count == 4, counts.allSatisfy({ $0 >= 0 }) else {
            throw ProfileFailure(offset: line.offset, message: "a heap profile record needs four counts, N: M [A: B]: \(TextExcerpt.quote(text))")
        }
        if counts[0] == 0 && counts[1] != 0 {
            throw ProfileFailure(offset: line.offset, message: "a record with 0 objects but \(counts[1]) bytes")
        }
        let addresses = text[at.upperBound...].split(separator: " ").map(String.init)
        guard addresses.allSatisfy({ $0.hasPrefix("0x") && UInt64($0.dropFirst(2), radix: 16) != nil }) else {
            throw ProfileFailure(offset: line.offset, message: "a heap profile record's stack must be hexadecimal addresses: \(TextExcerpt.quote(text))")
        }
        return (counts, addresses)
    }

    /// pprof's estimate of the unsampled count and size of a sampled (count, size).
    static func scale(_ count: Int64, _ size: Int64, _ rate: Int64) -> (Int64, Int64) {
        guard count != 0, size != 0 else { return (0, 0) }
        guard rate > 1 else { return (count, size) }
        let average = Double(size) / Double(count)
        let factor = 1 / (1 - exp(-average / Double(rate)))
        return (Int64(Double(count) * factor), Int64(Double(size) * factor))
    }

    /// The lines of the text with their byte offsets.
    struct Lines {
        struct Line {
            var text: String
            var offset: Int
        }

        private let bytes: UnsafeBufferPointer<UInt8>
        private var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> Line? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            position = end + 1
            var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            return Line(text: text.trimmingCharacters(in: .whitespaces), offset: start)
        }
    }
}

/// A short, printable excerpt of untrusted text for an error message (never a whole 10 MB line).
enum TextExcerpt {
    static func quote(_ text: some StringProtocol, limit: Int = 80) -> String {
        let short = text.count > limit ? text.prefix(limit) + "…" : String(text)
        return "\"" + short + "\""
    }
}
