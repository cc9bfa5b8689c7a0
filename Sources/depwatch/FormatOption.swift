import ArgumentParser
import Report

/// `--format` of a command whose report is `R`: one of `R.formats`, by the names the command uses.
struct FormatOption<R: Report>: ExpressibleByArgument, Sendable {
    /// The format chosen.
    let format: ReportFormat

    /// A format `R` has.
    init(_ format: ReportFormat) {
        self.format = format
    }

    /// The format named `argument`, when `R` has it.
    init?(argument: String) {
        guard let format = R.formats.first(where: { R.name(of: $0) == argument }) else { return nil }
        self.format = format
    }

    /// The names, for help and for the error on another value.
    static var allValueStrings: [String] { R.formats.map(R.name(of:)) }

    /// The name, for `(default: …)` in help.
    var defaultValueDescription: String { R.name(of: format) }
}
