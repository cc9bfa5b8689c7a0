import Audit
import Core
import Heap

/// `depwatch heap`: which modules hold a heap profile's sample, each beside the advisories that affect
/// the version built and the upgrade that clears them.
public struct HeapReport: Report, Sendable {
    /// One holder's line of the report.
    public struct Entry: Sendable {
        /// The share.
        public var share: HeapAttribution.Share
        /// The advisories affecting the module's built version (or the toolchain's, for the standard
        /// library): kind `leak` first, then the rest, most severe first.
        public var findings: [Finding]
        /// The upgrade that clears them, when there is one.
        public var upgrade: Upgrade?
    }

    /// The schema identifier.
    public static let schema = "depwatch.heap/1"
    /// The profile as the user named it (a path or a URL).
    public var profile: String
    /// The attribution.
    public var attribution: HeapAttribution
    /// Every holder, largest first.
    public var entries: [Entry]
    /// How many functions each holder lists.
    public var topFunctions: Int

    /// The report of `attribution`, with the findings and upgrades of an audit of the same project.
    public init(profile: String, attribution: HeapAttribution, audit: AuditResult?, topFunctions: Int) {
        self.profile = profile
        self.attribution = attribution
        self.topFunctions = topFunctions
        let beside = AdvisoriesBeside(audit)
        entries = attribution.shares.map { share in
            let (findings, upgrade) = beside.of(share.holder)
            return Entry(share: share, findings: findings, upgrade: upgrade)
        }
    }

    /// Table, JSON (`depwatch.heap/1`) and Markdown.
    public static let formats: [ReportFormat] = [.table, .json, .markdown]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(HeapTable.render(self), allowingNewlines: true).utf8)
        case .json: return Array(HeapJSON.render(self).utf8)
        case .markdown: return Array(TerminalText.escape(HeapMarkdown.render(self), allowingNewlines: true).utf8)
        default: throw unsupported(format)
        }
    }

    /// The share of the profile's total, in percent.
    func percent(_ value: Int64) -> Double {
        attribution.total == 0 ? 0 : Double(value) * 100 / Double(attribution.total)
    }

    /// What the holder is, in words: `dependency`, `main`, `stdlib` or `unknown`.
    static func kind(_ holder: HeapAttribution.Holder) -> String {
        switch holder {
        case .module(let module): module.isMain ? "main" : "dependency"
        case .standardLibrary: "stdlib"
        case .unknown: "unknown"
        }
    }

    /// The version built, as a report shows it: the version, `=> target version` for a replacement,
    /// `=> ../dir` for a directory.
    static func built(_ holder: HeapAttribution.Holder) -> String? {
        guard case .module(let module) = holder, !module.isMain else { return nil }
        if module.built == module.path { return module.version }
        return "=> " + module.built + (module.version.map { " " + $0 } ?? "")
    }
}
