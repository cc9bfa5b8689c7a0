import Advisories
import Foundation

/// Databases for tests: each in its own temporary directory.
public enum TestStore {
    /// A new, empty database (curated advisories only), and the directory that holds it.
    public static func fresh() throws -> (store: AdvisoryStore, directory: TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try AdvisoryStore(path: directory.path("advisories.sqlite")), directory)
    }

    /// One database holding all of ../shared/advisories, made once per test run.
    public static func shared() throws -> AdvisoryStore {
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
