import Foundation
import Manifest

/// Wires a checkout of the dependency into a Go project without touching the project: a copy of its
/// go.mod with `replace MODULE => CHECKOUT` (any replace of the module it had dropped) and of its go.sum,
/// in depwatch's temporary directory, used through `GOFLAGS=-modfile=COPY` (with `GOWORK=off`: a
/// workspace would ignore -modfile).
struct GoWiring: Sendable {
    /// The dependency's module path.
    let module: String
    private let goMod: String
    private let goSum: Data?
    private let replacedLines: Set<Int>

    /// Reads the project's go.mod (and go.sum); fails when the project does not require `module`.
    init(project: String, module: String) throws(BisectError) {
        let path = (project as NSString).appendingPathComponent("go.mod")
        let text: String
        let file: GoModFile
        do {
            text = try FileSystemSource().text(path)
            file = try GoModParser.parse(text, path: path)
        } catch {
            throw .wiring(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
        guard file.requirements.contains(where: { $0.path == module }) else {
            throw .wiring("\(path) does not require \(module), so replacing it would change nothing; "
                + "pass --module with the module path the project requires")
        }
        self.module = module
        goMod = text
        goSum = FileManager.default.contents(atPath: (project as NSString).appendingPathComponent("go.sum"))
        replacedLines = Set(file.replacements.filter { $0.old.path == module }.map(\.line))
    }

    /// Whether `directory` holds a Go module (a go.mod).
    static func isGoProject(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("go.mod"))
    }

    /// Writes the go.mod and go.sum copies into `directory` pointing the module at `checkout`, gives a
    /// checkout without a go.mod a minimal one (the moving checkout removes it again), and returns the
    /// environment the test runs with.
    func wire(checkout: String, into directory: String) throws(BisectError) -> [String: String] {
        let modfile = (directory as NSString).appendingPathComponent("go.mod")
        do {
            let checkoutGoMod = (checkout as NSString).appendingPathComponent("go.mod")
            if !FileManager.default.fileExists(atPath: checkoutGoMod) {
                // Go libraries from before modules have no go.mod; a directory replacement needs one.
                try Data("module \(module)\n".utf8).write(to: URL(fileURLWithPath: checkoutGoMod))
            }
            try Data(modfileText(checkout: checkout).utf8).write(to: URL(fileURLWithPath: modfile))
            if let goSum { try goSum.write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent("go.sum"))) }
        } catch {
            throw .io("cannot write the wiring for \(module) into \(directory): \(error.localizedDescription)")
        }
        let flags = [ProcessInfo.processInfo.environment["GOFLAGS"], "-modfile=\(modfile)"].compactMap { $0 }.filter { !$0.isEmpty }
        return ["GOFLAGS": flags.joined(separator: " "), "GOWORK": "off", "DEPWATCH_MODFILE": modfile]
    }

    /// The project's go.mod without its replaces of the module, plus the one to the checkout.
    func modfileText(checkout: String) -> String {
        var lines = goMod.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in replacedLines where line - 1 < lines.count { lines[line - 1] = "// (replace of \(module) removed by depwatch bisect)" }
        let quoted = checkout.contains(" ") ? "\"\(checkout)\"" : checkout
        return lines.joined(separator: "\n") + "\n// added by depwatch bisect\nreplace \(module) => \(quoted)\n"
    }
}
