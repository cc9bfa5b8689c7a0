import Advisories
import ArgumentParser
import Git

/// `--repo-map` and `--repo-cache`, shared by `audit` and `diff`: local clones of dependencies that decide
/// the GIT ranges of their advisories.
struct GitRangeOptions: ParsableArguments {
    @Option(name: .customLong("repo-map"), help: ArgumentHelp(
        "A local clone of a dependency, to decide GIT ranges of its advisories (repeatable).", valueName: "package=path"))
    var repoMap: [String] = []
    @Option(name: .customLong("repo-cache"), help: ArgumentHelp(
        "A folder of dependency clones laid out by package (DIR/github.com/owner/name), for GIT ranges.", valueName: "dir"))
    var repoCache: String?

    /// The clones named, or `nil` when none is; a bad `package=path` or folder is exit 2 with one line.
    func evaluator() throws -> (any GitRangeEvaluating)? {
        guard !repoMap.isEmpty || repoCache != nil else { return nil }
        var paths: [String: String] = [:]
        for argument in repoMap {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw CommandFailure.error("--repo-map takes PACKAGE=PATH, not \(argument)")
            }
            paths[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return RepositoryMap(paths, cache: repoCache)
    }
}
