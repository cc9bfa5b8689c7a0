import Advisories
import Report
import DepwatchTestSupport
import Foundation
import Testing
@testable import Scan

/// `depwatch scan` and `depwatch report` over a fleet of real repositories, scanned twice with changes
/// in between: the report's new, fixed and open sets and ages must be exact.
@Suite(.serialized) struct FleetScanTests {
    static let day = 86_400.0
    static let firstScan = 1_795_000_000.0  // 2026-11-19T…Z

    /// Scans every repository below the fleet at `time` into `history`; returns the run id.
    static func scan(_ fleet: FleetFixture, into history: HistoryStore, at time: Double) throws -> (Int64, [RepositoryScan]) {
        let store = try TestStore.shared()
        let scanner = FleetScanner(RepositoryScanner(store: store, today: "2026-11-28", now: { time }), jobs: 4)
        let run = try history.beginRun(started: time, database: DatabaseState(advisories: try store.count(), lastImport: nil))
        let scans = scanner.scan(try RepositoryList.discover(below: fleet.root)) { _, scan in try? history.record(scan, in: run) }
        try history.finish(run, finished: time + 60)
        return (run, scans)
    }

    @Test func twoScansGiveExactNewFixedAndOpenSets() throws {
        let fleet = try FleetFixture()
        let historyDirectory = try TemporaryDirectory()
        let history = try HistoryStore(path: historyDirectory.path("history.sqlite"))
        let (first, scans) = try Self.scan(fleet, into: history, at: Self.firstScan)
        #expect(scans.count == 32)
        #expect(scans.filter { $0.status == .failed }.map(\.name) == ["corrupt-0"])
        #expect(scans.first { $0.name == "corrupt-0" }?.error?.contains("go.mod") == true)

        // Fix one, break one, add a dependency to another.
        try fleet.commit("gcache-3", ["go.mod": String(format: FleetFixture.clean, "gcache-3")], message: "upgrade gcache")
        try fleet.commit("clean-1", ["go.mod": FleetFixture.corrupt], message: "break it")
        try fleet.commit("clean-2", ["go.mod": String(format: FleetFixture.clean, "clean-2") + "require golang.org/x/text v0.3.5\n"],
                         message: "add x/text")
        let (second, _) = try Self.scan(fleet, into: history, at: Self.firstScan + 3 * Self.day)

        let report = try ReportBuilder(history).report()
        #expect(report.run.id == second)
        #expect(report.previousRun?.id == first)
        #expect(report.run.repositories == 32 && report.run.failed == 2)
        let textIDs = Set(report.open.filter { $0.repository == "text-0" }.map(\.id))
        #expect(!textIDs.isEmpty)
        // New: exactly x/text's findings in clean-2, seen today.
        #expect(report.new.map(\.repository).allSatisfy { $0 == "clean-2" })
        #expect(Set(report.new.map(\.id)) == textIDs)
        #expect(report.new.allSatisfy { $0.ageDays == 0 })
        // Fixed: exactly gcache-3's leak (clean-1 broke, so its state is unknown, not fixed).
        #expect(report.fixed.map(\.repository) == ["gcache-3"])
        #expect(report.fixed.map(\.id) == ["x_DEPWATCH-2021-0001"])
        // Open: everything scanned now, aged 3 days unless new.
        let expectedOpen = 9 + 8 * textIDs.count + textIDs.count
        #expect(report.open.filter { $0.package != "github.com/apple/swift-nio-http2" }.count == expectedOpen)
        #expect(report.open.filter { $0.repository != "clean-2" }.allSatisfy { $0.ageDays == 3 })
        #expect(report.open.contains { $0.repository == "swift-0" && $0.package == "github.com/apple/swift-nio-http2" })
        #expect(!report.open.contains { $0.repository == "gcache-3" || $0.repository == "clean-1" })
        // Per repository, per advisory, upgrades and trend.
        #expect(report.repositories.first { $0.name == "clean-1" }?.status == "failed")
        #expect(report.advisories.first { $0.id == "x_DEPWATCH-2021-0001" }?.repositories.count == 9)
        let gcacheUpgrade = try #require(report.upgrades.first { $0.package == "github.com/bluele/gcache" })
        #expect(gcacheUpgrade.to == "v0.0.2" && gcacheUpgrade.clears == 9)
        #expect(report.trend.map(\.run) == [first, second])
    }

    @Test func threeShardsImportedGiveTheSameRunAsOneScan() throws {
        let fleet = try FleetFixture()
        let store = try TestStore.shared()
        let targets = try RepositoryList.discover(below: fleet.root)
        let scanner = FleetScanner(RepositoryScanner(store: store, today: "2026-11-28", now: { Self.firstScan }), jobs: 2)
        let state = DatabaseState(advisories: try store.count(), lastImport: nil)
        let whole = try HistoryStore(path: try TemporaryDirectory().path("whole.sqlite"))
        _ = try whole.importRun([ScanDocument(started: Self.firstScan, finished: Self.firstScan, shard: nil, database: state,
                                              repositories: scanner.scan(targets))])
        let sharded = try HistoryStore(path: try TemporaryDirectory().path("sharded.sqlite"))
        let documents = (1...3).map { index -> ScanDocument in
            let shard = Shard("\(index)/3")!
            return ScanDocument(started: Self.firstScan, finished: Self.firstScan, shard: shard.description, database: state,
                                repositories: scanner.scan(shard.select(targets)))
        }
        #expect(documents.map(\.repositories.count) == [11, 11, 10])
        _ = try sharded.importRun(documents)
        let a = try ReportBuilder(whole).report(), b = try ReportBuilder(sharded).report()
        #expect(a.open == b.open && a.repositories == b.repositories && a.upgrades == b.upgrades && a.advisories == b.advisories)
    }

    @Test func theHTMLReportIsSelfContainedWellFormedAndComplete() throws {
        let fleet = try FleetFixture()
        let history = try HistoryStore(path: try TemporaryDirectory().path("history.sqlite"))
        _ = try Self.scan(fleet, into: history, at: Self.firstScan)
        _ = try Self.scan(fleet, into: history, at: Self.firstScan + Self.day)
        let html = try ReportBuilder(history).report().text(as: .html)
        for section in ["new", "fixed", "open", "upgrades", "repositories", "advisories", "trend"] {
            #expect(html.contains("<section id=\"\(section)\">"), "section \(section) missing")
        }
        #expect(html.contains("<svg") && html.contains("<polyline"))
        #expect(!html.contains("<script"))
        let check = try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.htmlCheck],
                                       environment: ["REPORT": html])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// Balanced tags (void elements aside), and no src or href that leaves the file.
    static let htmlCheck = """
        import os, sys
        from html.parser import HTMLParser
        VOID = {"meta", "br", "img", "hr", "input", "link", "circle", "line", "polyline"}
        class Check(HTMLParser):
            def __init__(self):
                super().__init__(); self.stack = []; self.problems = []
            def handle_starttag(self, tag, attrs):
                for name, value in attrs:
                    if name in ("src", "href") and value and not value.startswith("#"):
                        self.problems.append(f"external {name}: {value}")
                if tag not in VOID: self.stack.append(tag)
            def handle_startendtag(self, tag, attrs):
                self.handle_starttag(tag, attrs)
                if tag not in VOID: self.stack.pop()
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1] != tag:
                    self.problems.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})"); return
                self.stack.pop()
        c = Check(); c.feed(os.environ["REPORT"]); c.close()
        if c.stack: c.problems.append(f"unclosed: {c.stack}")
        print("\\n".join(c.problems)); sys.exit(1 if c.problems else 0)
        """

    @Test func aScanConfigurationNamesRevisionsAndSubpaths() throws {
        let fleet = try FleetFixture()
        let config = """
            [[repository]]
            name = "legacy"
            path = "fleet/gcache-0"
            revision = "main"

            [[repository]]
            path = "fleet/text-1"
            paths = ["."]
            """
        let targets = try RepositoryList.parse(config, path: fleet.directory.path("depwatch-scan.toml"))
        #expect(targets.map(\.name) == ["legacy", "text-1"])
        #expect(targets[0].path == fleet.directory.path("fleet/gcache-0") && targets[0].revision == "main")
        #expect(throws: ScanError.self) { try RepositoryList.parse("[[repository]]\nname = \"x\"\n", path: "s.toml") }
        #expect(throws: ScanError.self) { try RepositoryList.parse("[[repository]]\npath = \"x\"\nbranch = \"y\"\n", path: "s.toml") }
    }

    @Test func eachRepositorysOwnPolicyApplies() throws {
        let fleet = try FleetFixture()
        try fleet.commit("gcache-0", ["depwatch.toml": "[[ignore]]\nid = \"x_DEPWATCH-2021-0001\"\nreason = \"LFU is not used here\"\n"],
                         message: "ignore the leak")
        let scanner = RepositoryScanner(store: try TestStore.shared(), today: "2026-11-28")
        let ignoring = scanner.scan(RepositoryTarget(name: "gcache-0", path: fleet.root + "/gcache-0"))
        let other = scanner.scan(RepositoryTarget(name: "gcache-1", path: fleet.root + "/gcache-1"))
        #expect(ignoring.findings.map(\.ignored) == [true])
        #expect(other.findings.map(\.ignored) == [false])
        let before = scanner.scan(RepositoryTarget(name: "gcache-0", path: fleet.root + "/gcache-0", revision: "HEAD~1"))
        #expect(before.findings.map(\.ignored) == [false])
    }
}
