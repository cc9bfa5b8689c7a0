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
}
