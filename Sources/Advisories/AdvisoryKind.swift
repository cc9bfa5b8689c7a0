/// What kind of problem an advisory records. Curated advisories carry it in
/// `database_specific.depwatch.kind`; imported ones are `security`.
public enum AdvisoryKind: String, Sendable, Hashable, Codable, CaseIterable {
    case security, leak, crash, performance, correctness, unmaintained
}
