/// A commit, as depwatch reports it.
public struct Commit: Sendable, Hashable {
    /// The full object id (40 hexadecimal digits).
    public var id: String
    /// The first line of the message.
    public var summary: String
    /// The committer time, seconds since 1970 (UTC).
    public var time: Int64
    /// The parents' ids.
    public var parents: [String]

    /// The id's first twelve digits, as Go pseudo-versions abbreviate it.
    public var shortID: String { String(id.prefix(12)) }
}

/// A tag, peeled to the commit it names.
public struct Tag: Sendable, Hashable {
    /// The tag's name (`v1.2.3`, without `refs/tags/`).
    public var name: String
    /// The commit it points to (through an annotated tag object when there is one).
    public var commit: String
    /// Whether it is an annotated tag (a tag object) rather than a lightweight one.
    public var annotated: Bool
}
