
/// The formats depwatch writes its reports in; each report has some of them (`Report.formats`).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Text for people, on a terminal (`bisect` calls it `text`).
    case table
    /// The report's stable JSON schema (`depwatch.audit/1`, `depwatch.diff/1`, …).
    case json
    /// A pull-request comment or a chat message.
    case markdown
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// One self-contained HTML page.
    case html
}

/// What only some renderings use.
public struct RenderOptions: Sendable {
    /// ANSI colour in a table (on a terminal, without NO_COLOR).
    public var color: Bool

    /// Options; no colour unless asked.
    public init(color: Bool = false) {
        self.color = color
    }
}
