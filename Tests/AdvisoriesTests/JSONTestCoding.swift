import Foundation

/// Decoding test values from dictionaries.
enum JSONTestCoding {
    static func decode<T: Decodable>(_ type: T.Type, _ object: Any) throws -> T {
        try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: object))
    }
}
