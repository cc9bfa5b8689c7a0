import Core

/// The dependencies a Package.swift declares, read from its text without running it: the `url:`,
/// `path:` and `id:` arguments of `.package(…)` calls. Used only to tell direct pins from transitive ones.
/// Linear in the text: each call's arguments end at its `)` or at the next `.package(`, whichever comes
/// first, so a crafted file of `.package(` repeated (no `)`) is read in one pass, not once per call.
public enum PackageSwiftDeclarations {
    private static let call = Array(".package(".utf8)

    /// Normalized locations (and identities, for `path:` and `id:` packages) declared in `text`.
    public static func packages(in text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        let calls = occurrences(of: call, in: bytes)
        var result: Set<String> = []
        var close = 0  // the next `)` at or after the current call's arguments (only moves forward)
        for (index, start) in calls.enumerated() {
            let arguments = start + call.count
            let nextCall = index + 1 < calls.count ? calls[index + 1] : bytes.count
            if close < arguments { close = arguments }
            while close < nextCall, bytes[close] != UInt8(ascii: ")") { close += 1 }
            let slice = bytes[arguments..<min(close, nextCall)]
            if let url = stringArgument("url:", in: slice) { result.insert(SwiftPackageLocation.normalize(url)) }
            if let path = stringArgument("path:", in: slice) { result.insert(SwiftPackageLocation.identity(of: path)) }
            if let id = stringArgument("id:", in: slice) { result.insert(id.lowercased()) }
        }
        return result
    }

    /// The start of every non-overlapping occurrence of `needle` in `bytes`.
    private static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        var found: [Int] = [], position = 0
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0], bytes[position..<(position + needle.count)].elementsEqual(needle) {
                found.append(position)
                position += needle.count
            } else {
                position += 1
            }
        }
        return found
    }

    private static func stringArgument(_ label: String, in arguments: ArraySlice<UInt8>) -> String? {
        let label = Array(label.utf8)
        guard let start = occurrences(of: label, in: Array(arguments)).first.map({ arguments.startIndex + $0 + label.count }) else { return nil }
        var position = start
        while position < arguments.endIndex, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(arguments[position]) { position += 1 }
        guard position < arguments.endIndex, arguments[position] == UInt8(ascii: "\"") else { return nil }
        let value = arguments[(position + 1)...].prefix { $0 != UInt8(ascii: "\"") }
        return String(decoding: value, as: UTF8.self)
    }
}
