import DepwatchTestSupport
import Foundation
import Testing
@testable import Manifest

/// Every manifest of the real corpus parses; the one known-broken file fails well.
@Suite struct CorpusTests {
    static let codeEdit = "swift/CodeEditApp__CodeEdit__f36aa70972/Package.resolved"
    static let manifests = Corpus.files(named: ["go.mod", "go.sum", "go.work", "go.work.sum", "Package.resolved"])
        .filter { $0 != codeEdit }

    @Test func corpusIsThere() {
        #expect(Self.manifests.count >= 100, "expected ../shared/corpus beside the package root")
    }

    @Test(arguments: manifests)
    func parsesWithoutError(_ relative: String) throws {
        let path = Corpus.path(relative)
        let text = try FileSystemSource().text(path)
        switch PathName.base(of: relative) {
        case "go.mod": _ = try GoModParser.parse(text, path: relative)
        case "go.work": _ = try GoWorkParser.parse(text, path: relative)
        case "Package.resolved": _ = try PackageResolvedParser.parse(text, path: relative)
        default:
            let file = try GoSumParser.parse(text, path: relative)
            // The single-pass reading of the highest versions agrees with the entries, on every real go.sum.
            let fast = try GoSumParser.highestFullVersions(text, path: relative).versions
            #expect(fast == GoSumVersions(file).versions)
        }
    }

    /// Go and Swift together: the conflicted CodeEdit file is the one error (at its first marker), every
    /// other manifest loads, and every Swift format and location of the corpus is among them.
    @Test func wholeCorpusLoadsIntoOneInventory() throws {
        let inventory = InventoryLoader.load([Corpus.root.path + "/go", Corpus.root.path + "/swift"])
        let error = try #require(inventory.errors.first)
        #expect(inventory.errors.count == 1, "\(inventory.errors.prefix(3))")
        #expect(error.path == Corpus.path(Self.codeEdit))
        #expect(error.line == 27)
        #expect(error.message.contains("merge conflict marker"))
        #expect(error.code == .mergeConflict)
        let swift = inventory.manifests.filter { $0.path.hasPrefix(Corpus.root.path + "/swift/") }
        #expect(swift.count == Self.manifests.filter { $0.hasPrefix("swift/") }.count)
        #expect(swift.count >= 25)
        let formats = try Set(swift.map { try PackageResolvedParser.parse(FileSystemSource().text($0.path), path: $0.path).formatVersion })
        #expect(formats == [1, 2, 3])
        #expect(inventory.manifests.count >= 75)
        #expect(inventory.manifests.reduce(0) { $0 + $1.dependencies.count } > 5000)
    }

    @Test func codeEditMergeConflictNamesTheFirstMarker() throws {
        let text = try FileSystemSource().text(Corpus.path(Self.codeEdit))
        let firstMarker = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("<<<<<<<") || $0.hasPrefix("=======") || $0.hasPrefix(">>>>>>>") }
        let markerLine = try #require(firstMarker) + 1
        do {
            _ = try PackageResolvedParser.parse(text, path: Self.codeEdit)
            Issue.record("the conflicted file parsed")
        } catch {
            let first = try #require(error.diagnostics.first)
            #expect(first.line == markerLine)
            #expect(first.message.contains("merge conflict marker"))
        }
    }
}
