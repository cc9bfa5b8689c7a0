/// A cursor over the ASCII bytes of a version string, with the pieces semantic versions are made of.
/// Generic over where the bytes are: a String's own storage (`scanning(_:_:)`), a field of a larger
/// text, or a buffer — versions are scanned in every phase, and copying each into an array first showed
/// in profiles.
struct VersionScanner<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    private let bytes: Bytes
    private var index: Int

    init(_ bytes: Bytes) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { index == bytes.endIndex }

    /// Consumes `character` (ASCII) if it comes next. A `Unicode.Scalar` rather than a `Character`: a
    /// Character's `asciiValue` goes through grapheme handling, and versions are scanned in every phase.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.endIndex, character.isASCII, bytes[index] == UInt8(truncatingIfNeeded: character.value) else { return false }
        index += 1
        return true
    }

    /// Consumes `word` if it comes next.
    mutating func take(word: String) -> Bool {
        let expected = word.utf8
        guard bytes[index...].starts(with: expected) else { return false }
        index += expected.count
        return true
    }

    /// Consumes a decimal number without a leading zero (`0` alone is allowed).
    mutating func number() -> String? {
        let start = index
        while index < bytes.endIndex, bytes[index].isDigit { index += 1 }
        let digits = bytes[start..<index]
        if digits.isEmpty || (digits.count > 1 && digits.first == UInt8(ascii: "0")) {
            return nil
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Consumes the rest of a version: an optional `-PRERELEASE`, an optional `+BUILD`, and nothing after.
    /// Returns `nil` when that is malformed.
    mutating func prereleaseAndBuild() -> (prerelease: [String], build: String?)? {
        var prerelease: [String] = []
        var build: String?
        if take("-") {
            guard let identifiers = identifiers(numericMayHaveLeadingZero: false) else { return nil }
            prerelease = identifiers
        }
        if take("+") {
            guard let identifiers = identifiers(numericMayHaveLeadingZero: true) else { return nil }
            build = identifiers.joined(separator: ".")
        }
        return isAtEnd ? (prerelease, build) : nil
    }

    /// Consumes dot-separated identifiers like `identifiers` does, without building them.
    mutating func skipIdentifiers(numericMayHaveLeadingZero: Bool) -> Bool {
        repeat {
            let start = index
            var numeric = true
            while index < bytes.endIndex, bytes[index].isIdentifierByte {
                if !bytes[index].isDigit { numeric = false }
                index += 1
            }
            if index == start { return false }
            if !numericMayHaveLeadingZero, numeric, index - start > 1, bytes[start] == UInt8(ascii: "0") { return false }
        } while take(".")
        return true
    }

    /// Whether the rest is a valid `[-PRERELEASE][+BUILD]` and nothing else.
    mutating func skipPrereleaseAndBuild() -> Bool {
        if take("-"), !skipIdentifiers(numericMayHaveLeadingZero: false) { return false }
        if take("+"), !skipIdentifiers(numericMayHaveLeadingZero: true) { return false }
        return isAtEnd
    }

    /// Consumes a decimal number without a leading zero, without building it.
    mutating func skipNumber() -> Bool {
        let start = index
        while index < bytes.endIndex, bytes[index].isDigit { index += 1 }
        return index > start && !(index - start > 1 && bytes[start] == UInt8(ascii: "0"))
    }

    /// Consumes dot-separated identifiers of `[0-9A-Za-z-]`; numeric pre-release identifiers may
    /// not have a leading zero.
    mutating func identifiers(numericMayHaveLeadingZero: Bool) -> [String]? {
        var result: [String] = []
        repeat {
            let start = index
            while index < bytes.endIndex, bytes[index].isIdentifierByte { index += 1 }
            let identifier = String(decoding: bytes[start..<index], as: UTF8.self)
            if identifier.isEmpty { return nil }
            if !numericMayHaveLeadingZero, identifier.isNumericIdentifier,
               identifier.count > 1, identifier.hasPrefix("0") {
                return nil
            }
            result.append(identifier)
        } while take(".")
        return result
    }
}

/// Runs `body` with a scanner over the UTF-8 storage of `text`, without copying it (a String that is
/// not native UTF-8, such as one bridged from Foundation, is made native first).
func scanning<Result>(_ text: String, _ body: (inout VersionScanner<UnsafeBufferPointer<UInt8>>) -> Result) -> Result {
    var text = text
    return text.withUTF8 { buffer in
        var scanner = VersionScanner(buffer)
        return body(&scanner)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isIdentifierByte: Bool {
        isDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x2D
    }
}
