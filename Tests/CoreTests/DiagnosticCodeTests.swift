import Core
import Testing

/// Every diagnostic depwatch reports has one of these codes: stable names, kebab-case, each listed here
/// (a new code is added to this list on purpose, and an existing one is never renamed).
@Suite struct DiagnosticCodeTests {
    static let codes = [
        "syntax-error", "merge-conflict", "not-found", "unreadable", "too-large", "not-text", "unknown-kind",
        "unlisted-directory", "not-regular-file", "missing-module", "missing-go-sum", "skipped-workspace-use",
        "unchecked-standard-library", "expired-ignore", "unused-ignore",
        "malformed-binary", "not-go-binary", "unchecked-reachability",
    ]

    @Test func theCodesAreTheListedOnes() {
        #expect(Diagnostic.Code.allCases.map(\.rawValue) == Self.codes)
    }

    @Test(arguments: Diagnostic.Code.allCases)
    func codesAreKebabCase(code: Diagnostic.Code) {
        #expect(code.rawValue.allSatisfy { ("a"..."z").contains($0) || $0 == "-" })
        #expect(!code.rawValue.hasPrefix("-") && !code.rawValue.hasSuffix("-") && !code.rawValue.contains("--"))
    }
}
