import Foundation
import Git

/// depwatch's own temporary directory for one bisection (`depwatch-bisect-XXXXXX`): every checkout and
/// wiring file goes below it, and it is removed whole at the end, interrupted or not. It goes where
/// `ScratchLocation` says unless the request names a parent.
final class ScratchDirectory: Sendable {
    /// Its path.
    let path: String

    /// Creates it below `parent` (default: `ScratchLocation.parent`).
    init(parent: String?) throws(BisectError) {
        path = try Self.makeUnique(in: parent ?? ScratchLocation.parent, prefix: "depwatch-bisect-")
    }

    /// A new, empty directory for one step.
    func makeStepDirectory() throws(BisectError) -> String {
        try Self.makeUnique(in: path, prefix: "step-")
    }

    /// A new directory `PREFIXxxxxxx` below `parent` (mkdtemp: unique, private).
    private static func makeUnique(in parent: String, prefix: String) throws(BisectError) -> String {
        guard let created = ScratchLocation.makeDirectory(in: parent, prefix: prefix) else {
            throw .io("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        return created
    }

    /// Removes something below the scratch directory.
    func removeItem(_ item: String) {
        try? FileManager.default.removeItem(atPath: item)
    }

    /// Removes the scratch directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
