/// The advisories that ship with depwatch (the repository's `advisories/` folder, compiled in).
public enum CuratedAdvisories {
    /// The source name curated advisories are stored under.
    public static let source = "curated"

    /// The id prefix of depwatch's own advisories; OSV reserves `x_` for databases outside its registry.
    public static let idPrefix = "x_DEPWATCH-"

    /// A digest of the compiled-in documents, so that a database can tell when its copy is stale.
    static var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, json) in documents {
            for byte in (name + "\u{0}" + json).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return String(hash, radix: 16)
    }
}
