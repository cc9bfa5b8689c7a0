import Core
import Foundation
import Manifest

/// The `depwatch deps` result in its stable JSON form, schema `depwatch.deps/1` (documented in the README).
public struct DepsReport: Sendable, Encodable {
    /// A manifest that could not be read: where and why.
    public struct Problem: Sendable, Encodable {
        /// The file.
        public var path: String
        /// The 1-based line, or `null` for the whole file.
        public var line: Int?
        /// The 1-based column (errors only).
        public var column: Int?
        /// What is wrong.
        public var message: String

        private enum CodingKeys: String, CodingKey { case path, line, column, message }

        /// Encodes `column` for errors only, as the schema says.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(line, forKey: .line)
            if includesColumn { try c.encode(column, forKey: .column) }
            try c.encode(message, forKey: .message)
        }

        fileprivate var includesColumn = true
    }

    /// The schema identifier.
    public let schema = "depwatch.deps/1"
    /// The inventory, for the table.
    let inventory: Inventory
    /// Every manifest read.
    public var manifests: [ManifestInventory]
    /// Manifests that could not be read.
    public var errors: [Problem]
    /// Problems that did not stop a manifest from being read.
    public var warnings: [Problem]

    /// The report of an inventory.
    public init(_ inventory: Inventory) {
        self.inventory = inventory
        manifests = inventory.manifests
        errors = inventory.errors.map { Problem(path: $0.path, line: $0.line, column: $0.column, message: $0.message) }
        warnings = inventory.warnings.map {
            Problem(path: $0.path, line: $0.line, column: nil, message: $0.message, includesColumn: false)
        }
    }

    private enum CodingKeys: String, CodingKey { case schema, manifests, errors, warnings }
}
