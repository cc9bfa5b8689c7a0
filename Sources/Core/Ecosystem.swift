/// The ecosystems depwatch reads, named as OSV names them.
public enum Ecosystem: String, Sendable, Hashable, Codable {
    /// Go modules.
    case go = "Go"
    /// Swift packages, named by repository URL.
    case swift = "SwiftURL"
}
