import Core
import Foundation

/// A command's result as depwatch writes it: one model per command (the audit, the diff, the scan
/// report, the bisection, the inventory, a database query) rendered in each format it has, each format's
/// renderings in one folder (`Table/`, `JSON/`, `Markdown/`, `SARIF/`, `HTML/`).
///
/// Every human-readable rendering shows text from outside depwatch (manifests, repositories, advisories)
/// through `TerminalText`; JSON and SARIF escape it themselves.
public protocol Report {
    /// The formats it has, as the command line names them.
    static var formats: [ReportFormat] { get }
    /// The name of `format` on the command line (its raw value unless the command says otherwise).
    static func name(of format: ReportFormat) -> String
    /// The rendering in `format`, one of `formats`, as UTF-8 bytes.
    func render(as format: ReportFormat, options: RenderOptions) throws(ReportError) -> [UInt8]
}

extension Report {
    /// The raw value.
    public static func name(of format: ReportFormat) -> String { format.rawValue }

    /// The rendering in `format` as text.
    public func text(as format: ReportFormat, options: RenderOptions = RenderOptions()) throws(ReportError) -> String {
        String(decoding: try render(as: format, options: options), as: UTF8.self)
    }

    /// Refuses a format the report does not have.
    func unsupported(_ format: ReportFormat) -> ReportError {
        .unsupported(format: Self.name(of: format), formats: Self.formats.map(Self.name(of:)))
    }
}

/// Why a report could not be rendered or written.
public enum ReportError: Error, LocalizedError, Sendable, Equatable {
    /// A format the report does not have.
    case unsupported(format: String, formats: [String])
    /// The model could not be encoded.
    case encoding(String)
    /// Writing the report failed.
    case output(path: String, reason: String)

    /// One line that says what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .unsupported(format, formats): return "--format \(format): this report is written as \(formats.joined(separator: ", "))"
        case let .encoding(reason): return "cannot encode the report: \(reason)"
        case let .output(path, reason): return "\(path): cannot write the report: \(reason)"
        }
    }
}
