import Foundation

/// Where the advisory database lives: `--db PATH`, else `$DEPWATCH_DB`, else
/// `~/.cache/depwatch/advisories.sqlite`.
public enum DatabaseLocation {
    /// The path to use.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["DEPWATCH_DB"], !variable.isEmpty { return variable }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/depwatch/advisories.sqlite"
    }
}
