import Core
import Manifest

/// The renderings of an audit result, one file each.
public enum AuditFormat: String, Sendable, CaseIterable {
    case table, json, markdown, sarif

    /// Renders `result`; `color` applies to the table only. The table and Markdown show text from outside
    /// depwatch through `TerminalText` (the table field by field, around its colours).
    public func render(_ result: AuditResult, color: Bool = false) throws -> String {
        switch self {
        case .table: return TableReport.render(result, color: color)
        case .json: return JSONReport.render(result)
        case .markdown: return TerminalText.escape(MarkdownReport.render(result), allowingNewlines: true)
        case .sarif: return SARIFReport.render(result)
        }
    }

    /// The same rendering as UTF-8 bytes, for writing out: the JSON formats come straight from their
    /// writer (a `String` of a corpus audit's 3.5 MB of SARIF cost a UTF-8 check of the whole document).
    public func renderBytes(_ result: AuditResult, color: Bool = false) throws -> [UInt8] {
        switch self {
        case .json: return JSONReport.bytes(result)
        case .sarif: return SARIFReport.bytes(result)
        case .table, .markdown: return Array(try render(result, color: color).utf8)
        }
    }
}
