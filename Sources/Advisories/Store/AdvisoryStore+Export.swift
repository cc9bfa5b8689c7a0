import Foundation
import GRDB

extension AdvisoryStore {
    /// Writes every curated advisory (ids `x_DEPWATCH-…`, shipped or recorded locally) to `directory` as
    /// `<id>.json`, each file written whole or not at all. Returns the paths written.
    public func exportCurated(to directory: String) throws(AdvisoryStoreError) -> [String] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, raw FROM advisory WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
                             arguments: [CuratedAdvisories.idPrefix.replacingOccurrences(of: "_", with: "\\_") + "%"])
                .map { (id: $0["id"] as String, raw: $0["raw"] as String) }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .export(path: directory, reason: error.localizedDescription)
        }
        var written: [String] = []
        for (id, raw) in rows {
            // Ids are checked at import; one stored by an older depwatch is checked again, never used as a path.
            if let problem = AdvisoryID.problem(id) { throw .export(path: directory, reason: "advisory not exported: \(problem)") }
            let file = (directory as NSString).appendingPathComponent(id + ".json")
            do {
                try Data((raw.hasSuffix("\n") ? raw : raw + "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw .export(path: file, reason: error.localizedDescription)
            }
            written.append(file)
        }
        return written
    }
}
