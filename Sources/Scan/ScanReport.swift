import Core
import Foundation
import Versions

/// The report over the scan history (`depwatch.report/1`): what is new since the previous run, what got
/// fixed, what stays open and for how long, per repository, per advisory, the upgrades that clear the
/// most, and the trend of open findings.
public struct ScanReport: Sendable, Codable, Equatable {
    /// A run, as the report names it.
    public struct Run: Sendable, Codable, Equatable {
        /// Its id in the history.
        public var id: Int64
        /// When it started and finished (ISO 8601, UTC).
        public var started: String
        /// When it finished.
        public var finished: String?
        /// How many advisories the database held.
        public var advisories: Int
        /// The database's newest import.
        public var lastImport: String?
        /// Repositories scanned, and how many of them failed.
        public var repositories: Int
        /// How many failed.
        public var failed: Int

        private enum CodingKeys: String, CodingKey {
            case id, started, finished, advisories, lastImport = "last_import", repositories, failed
        }
    }

    /// One finding in one repository.
    public struct Item: Sendable, Codable, Equatable {
        /// The repository’s name.
        public var repository: String
        /// The manifest, relative to the repository root.
        public var manifest: String
        /// The package (module path or normalized location).
        public var package: String
        /// The pinned version.
        public var version: String
        /// The advisory id.
        public var id: String
        /// `security`, `leak`, …
        public var kind: AdvisoryKind
        /// `critical` … `unknown`.
        public var severity: Severity
        /// One line about the problem.
        public var summary: String
        /// When it was first seen (ISO 8601 date and time).
        public var firstSeen: String
        /// Whole days from first seen to the run.
        public var ageDays: Int

        private enum CodingKeys: String, CodingKey {
            case repository, manifest, package, version, id, kind, severity, summary, firstSeen = "first_seen", ageDays = "age_days"
        }
    }

    /// One repository's state in the run.
    public struct Repository: Sendable, Codable, Equatable {
        /// The repository’s name.
        public var name: String
        /// Where the repository is.
        public var path: String
        /// The commit scanned.
        public var revision: String?
        /// `ok` or `failed`.
        public var status: String
        /// Why the scan failed.
        public var error: String?
        /// Open findings.
        public var findings: Int
        /// Open findings by severity.
        public var severities: [String: Int]
        /// Open findings by kind.
        public var kinds: [String: Int]
    }

    /// One advisory's blast radius.
    public struct Advisory: Sendable, Codable, Equatable {
        /// The advisory id.
        public var id: String
        /// `security`, `leak`, …
        public var kind: AdvisoryKind
        /// `critical` … `unknown`.
        public var severity: Severity
        /// One line about the problem.
        public var summary: String
        /// The package (module path or normalized location).
        public var package: String
        /// Each repository it affects, with the versions pinned there.
        public var repositories: [Affected]

        /// A repository and the versions it pins.
        public struct Affected: Sendable, Codable, Equatable {
            /// The repository’s name.
            public var repository: String
            /// The versions pinned there.
            public var versions: [String]
        }
    }

    /// One upgrade across repositories.
    public struct Upgrade: Sendable, Codable, Equatable {
        /// The package (module path or normalized location).
        public var package: String
        /// The version to upgrade to.
        public var to: String
        /// The versions it upgrades from.
        public var from: [String]
        /// The repositories that need it.
        public var repositories: [String]
        /// How many findings it clears across them.
        public var clears: Int
    }

    /// Open findings at one run.
    public struct TrendPoint: Sendable, Codable, Equatable {
        /// The run’s id.
        public var run: Int64
        /// When the run started (ISO 8601, UTC).
        public var started: String
        /// Open findings in the run.
        public var open: Int
    }

    /// `depwatch.report/1`.
    public var schema = "depwatch.report/1"
    /// The run’s id.
    public var run: Run
    /// The run compared with, if any.
    public var previousRun: Run?
    /// Findings that were not there in the previous run.
    public var new: [Item]
    /// Findings of the previous run that are gone.
    public var fixed: [Item]
    /// Open findings in the run.
    public var open: [Item]
    /// Every repository of the run.
    public var repositories: [Repository]
    /// Each advisory with open findings, widest first.
    public var advisories: [Advisory]
    /// Upgrades ranked by the findings they clear.
    public var upgrades: [Upgrade]
    /// Open findings per run, oldest first.
    public var trend: [TrendPoint]

    private enum CodingKeys: String, CodingKey {
        case schema, run, previousRun = "previous_run", new, fixed, open, repositories, advisories, upgrades, trend
    }

    /// Writes every key, `previous_run` as null for the first run.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(run, forKey: .run)
        try container.encode(previousRun, forKey: .previousRun)
        try container.encode(new, forKey: .new)
        try container.encode(fixed, forKey: .fixed)
        try container.encode(open, forKey: .open)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(advisories, forKey: .advisories)
        try container.encode(upgrades, forKey: .upgrades)
        try container.encode(trend, forKey: .trend)
    }
}

/// Times as the report writes them.
enum ReportTime {
    /// `2026-11-28T16:00:00Z`.
    static func iso(_ seconds: Double) -> String {
        UTCTime.iso8601(Int64(seconds.rounded(.down)))
    }

    /// Parses `2026-11-28` or a full ISO 8601 time.
    static func parse(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
