import Foundation
import Git

/// The dependency's source as the test sees it (`DEPWATCH_SOURCE`): one directory below the scratch
/// directory, moved from commit to commit by writing only the files that differ (a full checkout of a
/// large tree each step costs more than the test on a slow disk). Files depwatch added for the wiring
/// are removed before each move. A test that writes into the checkout should copy it first: files it
/// changes or adds where the two commits' trees agree are left as they are by the next move.
final class SourceCheckout: @unchecked Sendable {
    /// The directory.
    let path: String
    private let repository: Repository
    private var current: String?
    private var added: [String] = []

    init(_ repository: Repository, path: String) {
        self.repository = repository
        self.path = path
    }

    /// Makes the directory hold `commit`'s tree; returns its path.
    func move(to commit: String) throws(BisectError) -> String {
        for file in added { try? FileManager.default.removeItem(atPath: file) }
        added = []
        guard commit != current else { return path }
        do {
            try repository.checkout(commit, into: path, replacing: current)
        } catch {
            throw .git(error)
        }
        current = commit
        return path
    }

    /// Records a file depwatch wrote into the checkout (a minimal go.mod).
    func addedFile(_ file: String) {
        added.append(file)
    }
}
