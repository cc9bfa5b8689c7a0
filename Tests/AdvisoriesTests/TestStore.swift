import DepwatchTestSupport
import Foundation
@testable import Advisories

/// Databases for tests: each in its own temporary directory.
enum TestStore {
    /// A new, empty database (curated advisories only).
    static func fresh() throws -> (store: AdvisoryStore, directory: TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try AdvisoryStore(path: directory.path("advisories.sqlite")), directory)
    }

    /// One database holding all of ../shared/advisories, made once per test run.
    static func shared() throws -> AdvisoryStore {
        try sharedStore.get()
    }

    private static let sharedStore: Result<AdvisoryStore, any Error> = Result {
        let (store, directory) = try fresh()
        keepAlive.append(directory)
        try store.importAdvisories(from: [TestPaths.shared.appendingPathComponent("advisories").path])
        return store
    }

    nonisolated(unsafe) private static var keepAlive: [TemporaryDirectory] = []
}
