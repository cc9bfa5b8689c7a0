import Core

/// The dependencies a Package.swift declares, read from its text without running it: the `url:`,
/// `path:` and `id:` arguments of `.package(…)` calls. Used only to tell direct pins from transitive ones.
public enum PackageSwiftDeclarations {
    /// Normalized locations (and identities, for `path:` and `id:` packages) declared in `text`.
    public static func packages(in text: String) -> Set<String> {
        var result: Set<String> = []
        var rest = Substring(text)
        while let call = rest.range(of: ".package(") {
            rest = rest[call.upperBound...]
            let arguments = rest.prefix { $0 != ")" }
            if let url = stringArgument("url:", in: arguments) { result.insert(SwiftPackageLocation.normalize(url)) }
            if let path = stringArgument("path:", in: arguments) { result.insert(SwiftPackageLocation.identity(of: path)) }
            if let id = stringArgument("id:", in: arguments) { result.insert(id.lowercased()) }
        }
        return result
    }

    private static func stringArgument(_ label: String, in arguments: Substring) -> String? {
        guard let labelRange = arguments.range(of: label) else { return nil }
        let afterLabel = arguments[labelRange.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        guard afterLabel.first == "\"" else { return nil }
        let value = afterLabel.dropFirst().prefix { $0 != "\"" }
        return String(value)
    }
}
