/// The renderings of an audit result, one file each.
public enum AuditFormat: String, Sendable, CaseIterable {
    case table, json, markdown, sarif

    /// Renders `result`; `color` applies to the table only.
    public func render(_ result: AuditResult, color: Bool = false) throws -> String {
        switch self {
        case .table: return TableReport.render(result, color: color)
        case .json: return try JSONReport.render(result)
        case .markdown: return MarkdownReport.render(result)
        case .sarif: return try SARIFReport.render(result)
        }
    }
}
