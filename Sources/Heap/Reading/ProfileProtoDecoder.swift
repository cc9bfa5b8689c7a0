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
            case (defaultSampleType, .varint): defaultType = (try top.int64(), top.offset)
            default: try top.skip(type)
            }
        }
        guard strings.first?.isEmpty ?? true else {
            throw ProfileFailure(offset: 0, message: "the string table must start with the empty string")
        }
        let table = StringTable(strings)
        let types = try typeRanges.map { (range) throws(ProfileFailure) in try valueType(bytes, range, table) }
        let (names, functionIndex) = try functions(bytes, functionRanges, table)
        let locations = try self.locations(bytes, locationRanges, functionIndex, names: names)
        var profile = HeapProfile(sampleTypes: types, defaultSampleType: nil, functions: locations.names, samples: [])
        if let defaultType { profile.defaultSampleType = try table.string(defaultType.index, at: defaultType.offset) }
        profile.samples.reserveCapacity(sampleRanges.count)
        for range in sampleRanges {
            profile.samples.append(try self.sample(bytes, range, types: types.count, locations: locations.frames))
        }
        return profile
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
                case (2, .varint): name = FrameName.normalized(try table.string(try reader.int64(), at: at))
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

    /// Each location id's frames (its lines' functions, innermost first; its address when it has none),
    /// with the names extended by those addresses.
    private static func locations(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>], _ functions: [UInt64: Int32],
                                  names: [String]) throws(ProfileFailure) -> (frames: [UInt64: [Int32]], names: [String]) {
        var names = names, frames: [UInt64: [Int32]] = [:]
        var byAddress: [UInt64: Int32] = [:]
        for range in ranges {
            var reader = WireReader(bytes, range: range)
            var id: UInt64 = 0, address: UInt64 = 0, lines: [Int32] = []
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
                let slot = byAddress[address] ?? {
                    names.append("0x" + String(address, radix: 16))
                    byAddress[address] = Int32(names.count - 1)
                    return Int32(names.count - 1)
                }()
                lines = [slot]
            }
            frames[id] = lines
        }
        return (frames, names)
    }

    private static func sample(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, types: Int,
                               locations: [UInt64: [Int32]]) throws(ProfileFailure) -> HeapProfile.Sample {
        var reader = WireReader(bytes, range: range)
        var ids: [UInt64] = [], values: [Int64] = []
        var idsAt = range.lowerBound
        while !reader.isAtEnd {
            let (number, wire) = try reader.field()
            switch number {
            case 1:
                idsAt = reader.offset
                try reader.varints(wire, into: &ids)
            case 2: try reader.int64s(wire, into: &values)
            default: try reader.skip(wire)
            }
        }
        guard values.count == types else {
            throw ProfileFailure(offset: range.lowerBound, message: "a sample with \(values.count) values for \(types) sample types")
        }
        var stack: [Int32] = []
        stack.reserveCapacity(ids.count * 2)
        for id in ids {
            guard let frames = locations[id] else {
                throw ProfileFailure(offset: idsAt, message: "a sample names location \(id), which the profile does not have")
            }
            stack.append(contentsOf: frames)
        }
        return HeapProfile.Sample(values: values, stack: stack)
    }
}
