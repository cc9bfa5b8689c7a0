import Advisories
import Audit
import Bisect
import Core
import Diff
import Manifest
import Scan

/// `depwatch audit`.
extension AuditResult: Report {
    /// Table, JSON (`depwatch.audit/1`), Markdown and SARIF.
    public static let formats: [ReportFormat] = [.table, .json, .markdown, .sarif]

    /// The table colours only when asked, and escapes field by field (around its colours); the JSON
    /// formats come straight from their writer as bytes (a `String` of a corpus audit's 3.5 MB of SARIF
    /// cost a UTF-8 check of the whole document).
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(AuditTable.render(self, color: options.color).utf8)
        case .json: return AuditJSON.bytes(self)
        case .markdown: return Array(TerminalText.escape(AuditMarkdown.render(self), allowingNewlines: true).utf8)
        case .sarif: return AuditSARIF.bytes(self)
        case .html: throw unsupported(format)
        }
    }
}

/// `depwatch diff`.
extension DiffResult: Report {
    /// Table, JSON (`depwatch.diff/1`), Markdown and SARIF (what the change introduces).
    public static let formats: [ReportFormat] = [.table, .json, .markdown, .sarif]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(DiffTable.render(self), allowingNewlines: true).utf8)
        case .json: return Array(DiffJSON.render(self).utf8)
        case .markdown: return Array(TerminalText.escape(DiffMarkdown.render(self), allowingNewlines: true).utf8)
        case .sarif: return DiffSARIF.bytes(self)
        case .html: throw unsupported(format)
        }
    }
}

/// `depwatch report`: a scan run against the one before.
extension ScanReport: Report {
    /// HTML, Markdown and JSON (`depwatch.report/1`).
    public static let formats: [ReportFormat] = [.html, .markdown, .json]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .json: return Array(try encoded { try ScanReportJSON.render(self) }.utf8)
        case .markdown: return Array(TerminalText.escape(ScanReportMarkdown.render(self), allowingNewlines: true).utf8)
        case .html: return Array(TerminalText.escape(ScanReportHTML.render(self), allowingNewlines: true).utf8)
        case .table, .sarif: throw unsupported(format)
        }
    }
}

/// `depwatch bisect`: the result, and the command that narrows a release answer to a commit.
public struct BisectReport: Report, Sendable {
    /// The bisection's result.
    public var result: BisectResult
    /// The command that bisects the commits between a `--tags` answer and its neighbouring release.
    public var narrowing: String?

    /// The report of `result`.
    public init(_ result: BisectResult, narrowing: String? = nil) {
        (self.result, self.narrowing) = (result, narrowing)
    }

    /// Text (`text`) and JSON (`depwatch.bisect/1`).
    public static let formats: [ReportFormat] = [.table, .json]

    /// The table is called `text`.
    public static func name(of format: ReportFormat) -> String { format == .table ? "text" : format.rawValue }

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(BisectTable.render(result, narrowing: narrowing), allowingNewlines: true).utf8)
        case .json: return Array(try encoded { try BisectJSON.render(result) }.utf8)
        default: throw unsupported(format)
        }
    }
}

/// `depwatch deps`.
extension DepsReport: Report {
    /// Table and JSON (`depwatch.deps/1`).
    public static let formats: [ReportFormat] = [.table, .json]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(DepsTable.render(inventory), allowingNewlines: true).utf8)
        case .json: return Array(try encoded { try DepsJSON.render(self) }.utf8)
        default: throw unsupported(format)
        }
    }
}

/// `depwatch db query`: the advisories naming a package, with their verdicts at a version.
public struct QueryReport: Report, Sendable {
    /// The answers, sorted by id.
    public var answers: [QueryAnswer]
    /// The package asked about.
    public var package: String
    /// The version asked about, if any.
    public var version: String?

    /// The report of one query.
    public init(_ answers: [QueryAnswer], package: String, version: String?) {
        (self.answers, self.package, self.version) = (answers, package, version)
    }

    /// Table and JSON (`depwatch.query/1`).
    public static let formats: [ReportFormat] = [.table, .json]

    /// The rendering in `format`.
    public func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8] {
        switch format {
        case .table: return Array(TerminalText.escape(QueryTable.render(answers, package: package, version: version), allowingNewlines: true).utf8)
        case .json: return Array(try encoded { try QueryJSON.render(answers, package: package, version: version) }.utf8)
        default: throw unsupported(format)
        }
    }
}

/// Runs an `Encodable` rendering, naming what failed.
private func encoded(_ body: () throws -> String) throws(ReportError) -> String {
    do { return try body() } catch { throw .encoding("\(error)") }
}
