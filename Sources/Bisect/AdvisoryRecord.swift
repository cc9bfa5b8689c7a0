import Foundation
import Versions

/// Turns a bisection's answer into an OSV advisory for the module: a GIT range with the full commit id
/// that introduced or fixed the problem, and a SEMVER range from the tags and pseudo-versions.
public struct AdvisoryRecord: Sendable {
    /// depwatch's kinds of problem (DESIGN.md).
    public static let kinds: Set<String> = ["security", "leak", "crash", "performance", "correctness", "unmaintained"]

    /// The advisory id (default `x_DEPWATCH-YEAR-COMMIT8`).
    public var id: String?
    /// `leak`, `crash`, …
    public var kind: String
    /// One line.
    public var summary: String
    /// The command that judged each commit, for the advisory's details.
    public var command: String
    /// Existing advisories of the module that already cover the same versions (OSV `related`).
    public var related: [String] = []

    /// A record with the user's words.
    public init(id: String?, kind: String, summary: String, command: String) {
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
        let (gitEvents, semverEvents): ([[String: String]], [[String: String]]) = direction == .regression
            ? ([["introduced": commit.id]], [["introduced": semver]])
            : ([["introduced": "0"], ["fixed": commit.id]], [["introduced": "0"], ["fixed": semver]])
        let stamp = Self.timestamp(now)
        let found = direction == .regression ? "introduced by" : "fixed by"
        let details = "\(summary)\n\nFound by `depwatch bisect`: \(found) commit \(commit.id) (\"\(commit.summary)\", \(commit.date))"
            + "\(commit.tag.map { ", first released in \($0)" } ?? ""), between good \(good.version) (\(good.shortID)) and bad \(bad.version) "
            + "(\(bad.shortID)), judged by `\(command)`."
        var advisory: [String: Any] = [
            "schema_version": "1.6.0",
            "id": id,
            "modified": stamp,
            "published": stamp,
            "summary": summary,
            "details": details,
            "affected": [[
                "package": ["ecosystem": "Go", "name": module],
                "ranges": [
                    ["type": "SEMVER", "events": semverEvents],
                    ["type": "GIT", "repo": repository, "events": gitEvents],
                ],
            ]],
            "database_specific": ["depwatch": [
                "kind": kind,
                "bisect": ["direction": direction.rawValue, "commit": commit.id, "pseudo_version": commit.version, "good": good.id,
                           "bad": bad.id, "earliest_tag": commit.tag ?? NSNull(), "command": command] as [String: Any],
            ] as [String: Any]],
        ]
        if !related.isEmpty { advisory["related"] = related }
        do {
            let json = try JSONSerialization.data(withJSONObject: advisory, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return (id, json + Data("\n".utf8))
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
