import Audit
import Core
import Heap

/// `depwatch heap diff`: growth per module and per function between snapshots of one process, the modules
/// that grew in every step flagged, the advisories and upgrades beside them.
public struct HeapGrowthReport: Report, Sendable {
    /// One holder's line.
    public struct Entry: Sendable {
        /// Its growth.
        public var growth: HeapGrowth.Holder
        /// The advisories affecting the version built, leaks first.
        public var findings: [Finding]
        /// The upgrade that clears them.
        public var upgrade: Upgrade?
    }

    /// The schema identifier.
    public static let schema = "depwatch.heap-diff/1"
    /// The profiles, oldest first, as named on the command line.
    public var profiles: [String]
    /// The growth.
    public var growth: HeapGrowth
    /// Every holder, most grown first.
    public var entries: [Entry]
    /// How many functions each holder lists.
    public var topFunctions: Int

    /// The report of `growth`, with the findings and upgrades of an audit of the project.
    public init(profiles: [String], growth: HeapGrowth, audit: AuditResult?, topFunctions: Int) {
        self.profiles = profiles
        self.growth = growth
        self.topFunctions = topFunctions
        let beside = AdvisoriesBeside(audit)
        entries = growth.holders.map { holder in
            let (findings, upgrade) = beside.of(holder.holder)
            return Entry(growth: holder, findings: findings, upgrade: upgrade)
        }
    }

    /// Table, JSON (`depwatch.heap-diff/1`) and Markdown.
    public static let formats: [ReportFormat] = [.table, .json, .markdown]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(HeapGrowthTable.render(self), allowingNewlines: true).utf8)
        case .json: return Array(HeapGrowthJSON.render(self).utf8)
        case .markdown: return Array(TerminalText.escape(HeapGrowthMarkdown.render(self), allowingNewlines: true).utf8)
        default: throw unsupported(format)
        }
    }
}

/// The advisories and upgrade an audit gives each holder of a heap: a dependency's (by what is built), the
/// standard library's (the toolchain's), none for the project's own modules and unknown frames.
struct AdvisoriesBeside {
    private let findings: [String: [Finding]]
    private let upgrades: [String: Upgrade]

    init(_ audit: AuditResult?) {
        findings = Dictionary(grouping: (audit?.findings ?? []).filter { $0.ecosystem == .go && !$0.ignored }, by: \.package)
        upgrades = Dictionary((audit?.upgrades ?? []).filter { $0.ecosystem == .go }.map { ($0.package, $0) }) { a, _ in a }
    }

    /// Leaks first, then most severe first, then by id.
    func of(_ holder: HeapAttribution.Holder) -> ([Finding], Upgrade?) {
        let package: String? = switch holder {
        case .module(let module): module.isMain ? nil : module.built
        case .standardLibrary: "stdlib"
        case .unknown: nil
        }
        guard let package else { return ([], nil) }
        return ((findings[package] ?? []).sorted(by: Self.order), upgrades[package])
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if (a.kind == .leak) != (b.kind == .leak) { return a.kind == .leak }
        if a.severity != b.severity { return a.severity > b.severity }
        return a.id < b.id
    }
}
