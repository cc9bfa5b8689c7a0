import Core

/// Decodes profile.proto (github.com/google/pprof/proto/profile.proto) by its documented field numbers:
/// the string table, sample types, functions, locations (with their inline lines) and samples; every
/// other field is skipped. Samples may come before the locations and functions they name, so the first
/// pass only notes where each message is.
enum ProfileProtoDecoder {
    // Profile's fields.
    private static let sampleType: UInt64 = 1, sample: UInt64 = 2, location: UInt64 = 4, function: UInt64 = 5
    private static let stringTable: UInt64 = 6, defaultSampleType: UInt64 = 14

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ProfileFailure) -> HeapProfile {
        var top = WireReader(bytes, range: 0..<bytes.count)
        var strings: [String] = []
        var typeRanges: [Range<Int>] = [], sampleRanges: [Range<Int>] = [], locationRanges: [Range<Int>] = [], functionRanges: [Range<Int>] = []
        var defaultType: (index: Int64, offset: Int)?
        while !top.isAtEnd {
            let (number, type) = try top.field()
            switch (number, type) {
            case (stringTable, .lengthDelimited): strings.append(try top.string())
            case (sampleType, .lengthDelimited): typeRanges.append(try top.delimited())
            case (sample, .lengthDelimited): sampleRanges.append(try top.delimited())
            case (location, .lengthDelimited): locationRanges.append(try top.delimited())
            case (function, .lengthDelimited): functionRanges.append(try top.delimited())
            case (defaultSampleType, .varint):
                let at = top.offset
                defaultType = (try top.int64(), at)
            default: try top.skip(type)
            }
        }
        guard strings.first?.isEmpty ?? true else {
            throw ProfileFailure(offset: 0, message: "the string table must start with the empty string")
        }
        let table = StringTable(strings)
        let types = try typeRanges.map { (range) throws(ProfileFailure) in try valueType(bytes, range, table) }
        let (names, functionIndex) = try functions(bytes, functionRanges, table)
        var profile = HeapProfile(sampleTypes: types, defaultSampleType: nil, functions: names)
        if let defaultType { profile.defaultSampleType = try table.string(defaultType.index, at: defaultType.offset) }
        let slots = try locations(bytes, locationRanges, functionIndex, into: &profile)
        profile.locationIndex = slots
        // Samples are independent of each other: decoded in chunks on every core, kept in order.
        let shared = SharedBytes(buffer: bytes), samples = sampleRanges
        let chunks = stride(from: 0, to: sampleRanges.count, by: 8192).map { $0..<min($0 + 8192, sampleRanges.count) }
        let decoded = chunks.concurrentMap { (chunk) -> Result<HeapProfile.Chunk, ProfileFailure> in
            Result { () throws(ProfileFailure) -> HeapProfile.Chunk in
                var part = HeapProfile.Chunk()
                part.values.reserveCapacity(chunk.count * types.count)
                part.stackStarts.reserveCapacity(chunk.count)
                part.stackEnds.reserveCapacity(chunk.count)
                var scratch = SampleScratch()
                for range in samples[chunk] {
                    try sample(shared.buffer, range, types: types.count, slots: slots, scratch: &scratch, into: &part)
                }
                return part
            }
        }
        for part in decoded { profile.append(try part.get()) }
        return profile
    }

    /// The profile's bytes, shared by the threads that decode its samples (read only while they run).
    private struct SharedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// Strings by index, each index checked.
    private struct StringTable {
        let strings: [String]
        init(_ strings: [String]) { self.strings = strings }

        func string(_ index: Int64, at offset: Int) throws(ProfileFailure) -> String {
            guard index >= 0, index < strings.count else {
                throw ProfileFailure(offset: offset, message: "string index \(index) is out of range (the table has \(strings.count))")
            }
            return strings[Int(index)]
        }
    }

    private static func valueType(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ table: StringTable) throws(ProfileFailure) -> HeapProfile.SampleType {
        var reader = WireReader(bytes, range: range)
        var type = "", unit = ""
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            let at = reader.offset
            switch (number, wire) {
            case (1, .varint): type = try table.string(try reader.int64(), at: at)
            case (2, .varint): unit = try table.string(try reader.int64(), at: at)
            default: try reader.skip(wire)
            }
        }
        return HeapProfile.SampleType(type: type, unit: unit)
    }

    /// The distinct function names, and each function id's index among them.
    private static func functions(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], _ table: StringTable) throws(ProfileFailure)
        -> (names: [String], index: [UInt64: Int32]) {
        var names: [String] = [], byName: [String: Int32] = [:], index: [UInt64: Int32] = [:]
        for range in ranges {
            var reader = WireReader(bytes, range: range)
            var id: UInt64 = 0, name = ""
            while !reader.isAtEnd {
                let (number, wire) = try reader.field()
                let at = reader.offset
                switch (number, wire) {
                case (1, .varint): id = try reader.varint()
                case (2, .varint): name = GoFunctionName.normalized(try table.string(try reader.int64(), at: at))
                default: try reader.skip(wire)
                }
            }
            guard id != 0 else { throw ProfileFailure(offset: range.lowerBound, message: "a function without an id") }
            let slot = byName[name] ?? {
                names.append(name)
                byName[name] = Int32(names.count - 1)
                return Int32(names.count - 1)
            }()
            index[id] = slot
        }
        return (names, index)
    }

    /// Adds every location to `profile` (its lines' functions, innermost first; its address when it has
    /// none); returns where each id went.
    private static func locations(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], _ functions: [UInt64: Int32],
                                  into profile: inout HeapProfile) throws(ProfileFailure) -> HeapProfile.LocationIndex {
        var ids: [UInt64] = [], byAddress: [UInt64: Int32] = [:], lines: [Int32] = []
        ids.reserveCapacity(ranges.count)
        for range in ranges {
            var reader = WireReader(bytes, range: range)
            var id: UInt64 = 0, address: UInt64 = 0
            lines.removeAll(keepingCapacity: true)
            while !reader.isAtEnd {
                let (number, wire) = try reader.field()
                switch (number, wire) {
                case (1, .varint): id = try reader.varint()
                case (3, .varint): address = try reader.varint()
                case (4, .lengthDelimited):
                    var line = try reader.message()
                    while !line.isAtEnd {
                        let (field, lineWire) = try line.field()
                        let at = line.offset
                        if field == 1, lineWire == .varint {
                            let functionID = try line.varint()
                            guard let function = functions[functionID] else {
                                throw ProfileFailure(offset: at, message: "location \(id) names function \(functionID), which the profile does not have")
                            }
                            lines.append(function)
                        } else {
                            try line.skip(lineWire)
                        }
                    }
                default: try reader.skip(wire)
                }
            }
            guard id != 0 else { throw ProfileFailure(offset: range.lowerBound, message: "a location without an id") }
            if lines.isEmpty {
                let function = byAddress[address] ?? {
                    profile.functions.append("0x" + String(address, radix: 16))
                    byAddress[address] = Int32(profile.functions.count - 1)
                    return Int32(profile.functions.count - 1)
                }()
                lines = [function]
            }
            profile.addLocation(frames: lines)
            ids.append(id)
        }
        return HeapProfile.LocationIndex(ids)
    }

    /// What decoding one sample needs, kept from sample to sample so that none allocates.
    struct SampleScratch {
        var ids: [UInt64] = []
        var values: [Int64] = []
    }

    /// Decodes one sample's values, and checks its stack, which stays where it is in the profile's bytes
    /// (Go packs a sample's location ids in one field); a stack written otherwise (unpacked, or in
    /// several fields) moves the chunk's stacks into bytes of its own.
    private static func sample(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, types: Int, slots: HeapProfile.LocationIndex,
                               scratch: inout SampleScratch, into chunk: inout HeapProfile.Chunk) throws(ProfileFailure) {
        var reader = WireReader(bytes, range: range)
        scratch.ids.removeAll(keepingCapacity: true)
        scratch.values.removeAll(keepingCapacity: true)
        var packed: Range<Int>?, fields = 0, idsAt = range.lowerBound
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                idsAt = reader.offset
                fields += 1
                if wire == .lengthDelimited {
                    var probe = reader
                    packed = try probe.delimited()
                }
                try reader.varints(wire, into: &scratch.ids)
            case 2: try reader.int64s(wire, into: &scratch.values)
            default: try reader.skip(wire)
            }
        }
        guard scratch.values.count == types else {
            throw ProfileFailure(offset: range.lowerBound, message: "a sample with \(scratch.values.count) values for \(types) sample types")
        }
        for id in scratch.ids where slots.location(id) == nil {
            throw ProfileFailure(offset: idsAt, message: "a sample names location \(id), which the profile does not have")
        }
        chunk.values.append(contentsOf: scratch.values)
        // In place when the ids are one packed field (or there are none); a single unpacked id is not a run.
        let inPlace = fields == 0 || (fields == 1 && packed != nil)
        if inPlace, chunk.ownStacks == nil {
            let stack = packed ?? range.lowerBound..<range.lowerBound
            chunk.stackStarts.append(Int32(stack.lowerBound))
            chunk.stackEnds.append(Int32(stack.upperBound))
            return
        }
        if chunk.ownStacks == nil {
            // The first stack not packed as Go packs it: the chunk's earlier stacks move into its own bytes.
            var own: [UInt8] = []
            for i in chunk.stackStarts.indices {
                let start = own.count
                own.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(chunk.stackStarts[i])..<Int(chunk.stackEnds[i])]))
                (chunk.stackStarts[i], chunk.stackEnds[i]) = (Int32(start), Int32(own.count))
            }
            chunk.ownStacks = own
        }
        let start = chunk.ownStacks!.count
        for id in scratch.ids { Varint.append(id, to: &chunk.ownStacks!) }
        chunk.stackStarts.append(Int32(start))
        chunk.stackEnds.append(Int32(chunk.ownStacks!.count))
    }
}
