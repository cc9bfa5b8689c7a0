import Advisories
import Core
import Foundation
import Versions

/// Turns a bisection's answer into an OSV advisory for the module: a GIT range with the full commit id
/// that introduced or fixed the problem, and a SEMVER range from the tags and pseudo-versions.
public struct AdvisoryRecord: Sendable {
    /// The advisory id (default `x_DEPWATCH-YEAR-COMMIT8`).
    public var id: String?
    /// `leak`, `crash`, …
    public var kind: AdvisoryKind
    /// One line.
    public var summary: String
    /// The command that judged each commit, for the advisory's details.
    public var command: String
    /// Existing advisories of the module that already cover the same versions (OSV `related`).
    public var related: [String] = []

    /// A record with the user's words.
    public init(id: String?, kind: AdvisoryKind, summary: String, command: String) {
        (self.id, self.kind, self.summary, self.command) = (id, kind, summary, command)
    }

    /// The advisory as OSV JSON, for a found result.
    public func advisory(for result: BisectResult, now: Date = Date()) throws(BisectError) -> (id: String, json: Data) {
        guard result.status == .found, let commit = result.commit, let direction = result.direction,
              let good = result.good, let bad = result.bad, let repository = result.repository else {
            throw .wiring("--record needs a single answer; this bisection ended \(result.status.rawValue)")
        }
        guard let module = result.module else {
            throw .wiring("--record needs the module path; pass --module")
        }
        let id = self.id ?? "x_DEPWATCH-\(commit.date.prefix(4))-\(commit.id.prefix(8))"
        // A fix is `fixed` at the earliest release that contains it (the version users move to); its own
        // pseudo-version stays in the GIT range's commit and in database_specific.
        let semver = Self.semver(direction == .fix ? (commit.tag.flatMap(GoVersion.init).map(\.canonical) ?? commit.version) : commit.version)
        let (gitEvents, semverEvents): ([OSVEvent], [OSVEvent]) = direction == .regression
            ? ([.introduced(commit.id)], [.introduced(semver)])
            : ([.introduced("0"), .fixed(commit.id)], [.introduced("0"), .fixed(semver)])
        let stamp = Self.timestamp(now)
        let found = direction == .regression ? "introduced by" : "fixed by"
        var advisory = OSVAdvisory(id: id, modified: stamp, affected: [OSVAffected(
            package: OSVPackage(ecosystem: Ecosystem.go.rawValue, name: module),
            ranges: [OSVRange(type: "SEMVER", events: semverEvents), OSVRange(type: "GIT", repo: repository, events: gitEvents)])])
        advisory.schemaVersion = "1.6.0"
        advisory.published = stamp
        advisory.summary = summary
        advisory.details = "\(summary)\n\nFound by `depwatch bisect`: \(found) commit \(commit.id) (\"\(commit.summary)\", \(commit.date))"
            + "\(commit.tag.map { ", first released in \($0)" } ?? ""), between good \(good.version) (\(good.shortID)) and bad \(bad.version) "
            + "(\(bad.shortID)), judged by `\(command)`."
        advisory.related = related.isEmpty ? nil : related
        advisory.databaseSpecific = OSVDatabaseSpecific(depwatch: .init(kind: kind, bisect: OSVDatabaseSpecific.BisectEvidence(
            direction: direction.rawValue, commit: commit.id, pseudoVersion: commit.version, good: good.id, bad: bad.id,
            earliestTag: commit.tag, command: command)))
        do {
            return (id, try advisory.jsonDocument())
        } catch {
            throw .io("cannot encode the advisory: \(error.localizedDescription)")
        }
    }

    /// A Go version as OSV's SEMVER ranges write it (no `v`).
    static func semver(_ version: String) -> String {
        version.hasPrefix("v") ? String(version.dropFirst()) : version
    }

    static func timestamp(_ date: Date) -> String {
        UTCTime.iso8601(Int64(date.timeIntervalSince1970))
    }
}
