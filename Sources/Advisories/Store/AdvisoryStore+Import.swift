import Core
import Dispatch
import Foundation
import GRDB

/// What one import did.
public struct ImportReport: Sendable {
    /// The paths imported, as given.
    public var source: String
    /// Documents read (files and archive entries).
    public var documents = 0
    /// Advisories new to the database.
    public var inserted = 0
    /// Advisories replaced by a newer `modified`.
    public var updated = 0
    /// Advisories already stored with the same `modified`.
    public var unchanged = 0
    /// Advisories skipped because the database holds a newer one.
    public var older = 0
    /// Documents that were not usable advisories, with the reason for each.
    public var problems: [ImportProblem] = []
}

extension AdvisoryStore {
    /// How many documents are read and scanned at a time, at most (bounds memory on large imports).
    static let batchSize = 512
    /// About how many bytes of documents a batch holds: the next batch's size follows the documents'
    /// size so far, so that 512 documents of 15 MB each are not held at once (two batches are in flight).
    static let batchBytes = 64 << 20

    /// The size of the batch after one whose documents averaged `average` bytes.
    static func nextBatchSize(average: Int) -> Int {
        min(batchSize, max(4, batchBytes / max(average, 1)))
    }

    /// Imports the advisories below `paths` in one transaction: a crash or kill leaves the previous
    /// database intact. An invalid document is reported and skipped, or with `strict` stops the import.
    @discardableResult
    public func importAdvisories(from paths: [String], strict: Bool = false) throws(AdvisoryStoreError) -> ImportReport {
        let documents = try ImportSource.documents(paths)
        let started = Date()
        let source = paths.joined(separator: " ")
        do {
            return try pool.write { db in
                var report = ImportReport(source: source)
                var writer = try RecordWriter(db, source: source, curated: false)
                // Batch k+1 is read and scanned on the other cores while batch k is written (and while the
                // listing goes on, for an archive).
                // The first batch is small: its documents' sizes set the next batch's.
                var pending = Self.scanInBackground(documents, size: 8)
                while let results = pending.wait() {
                    let sizes = results.compactMap { try? $0.get().raw.count }
                    pending = Self.scanInBackground(documents, size: Self.nextBatchSize(average: sizes.isEmpty ? 0 : sizes.reduce(0, +) / sizes.count))
                    for result in results {
                        switch result {
                        case .failure(let problem):
                            if strict { throw AdvisoryStoreError.invalidAdvisory(problem) }
                            report.problems.append(problem)
                        case .success(let record):
                            report.count(try writer.write(record))
                        }
                    }
                }
                let (listed, refused) = documents.all()
                if strict, let first = refused.first { throw AdvisoryStoreError.invalidAdvisory(first) }
                report.documents = listed + refused.count
                report.problems = refused + report.problems
                try db.execute(sql: """
                    INSERT INTO import_run (source, started_at, finished_at, files, inserted, updated, unchanged, older, invalid)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [source, Self.iso8601(started), Self.iso8601(Date()), report.documents, report.inserted,
                                     report.updated, report.unchanged, report.older, report.problems.count])
                return report
            }
        } catch let error as AdvisoryStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Scans the next `size` documents on a background queue (`nil` results past the end).
    static func scanInBackground(_ documents: DocumentStream, size: Int) -> PendingScan {
        PendingScan { documents.next(size).map(scan) }
    }

    /// Reads and scans a batch, on every core.
    static func scan(_ batch: ArraySlice<ImportSource.Document>) -> [Result<AdvisoryRecord, ImportProblem>] {
        batch.concurrentMap { document in
            ImportSource.load(document).flatMap { bytes in
                do throws(OSVRecordScanner.Invalid) {
                    return .success(try OSVRecordScanner.record(bytes))
                } catch {
                    return .failure(ImportProblem(path: document.label, line: error.line, column: error.column, message: error.message))
                }
            }
        }
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// A scan running on a background queue.
final class PendingScan: @unchecked Sendable {
    private let group = DispatchGroup()
    private var results: [Result<AdvisoryRecord, ImportProblem>]?

    init(_ work: @escaping @Sendable () -> [Result<AdvisoryRecord, ImportProblem>]?) {
        DispatchQueue.global().async(group: group) { self.results = work() }
    }

    /// The results, once the scan is done; `nil` when the batch lay past the last document.
    func wait() -> [Result<AdvisoryRecord, ImportProblem>]? {
        group.wait()
        return results
    }
}

extension ImportReport {
    mutating func count(_ outcome: RecordWriter.Outcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .older: older += 1
        }
    }
}
