import Core
import DepwatchTestSupport
import Testing
@testable import Manifest

@Suite struct PackageResolvedParserTests {
    func parse(_ fixture: String) throws -> PackageResolvedFile {
        try PackageResolvedParser.parse(try TestPaths.fixtureText("resolved/\(fixture)"), path: fixture)
    }

    @Test func formatOneVersionAndBranchPins() throws {
        let file = try parse("v1-version-pin.resolved")
        #expect(file.formatVersion == 1)
        #expect(file.pins.map(\.identity) == ["swift-nio", "vapor"])
        #expect(file.pins.map(\.name) == ["swift-nio", "Vapor"])
        #expect(file.pins[0].state.version == "2.29.0")
        #expect(file.pins[1].state.branch == "main")
        #expect(file.pins.map(\.line) == [4, 13])
        let inventory = SwiftPins.inventory(file, path: "Package.resolved")
        #expect(inventory.dependencies.map(\.package) == ["github.com/apple/swift-nio", "github.com/vapor/vapor"])
        #expect(inventory.dependencies.map(\.source) == [.version, .branch])
        #expect(inventory.dependencies[1].version == nil)
    }

    @Test func formatTwoBranchAndRevisionPins() throws {
        let file = try parse("v2-branch-and-revision-pins.resolved")
        #expect(file.formatVersion == 2)
        #expect(file.originHash == nil)
        let deps = SwiftPins.inventory(file, path: "Package.resolved").dependencies
        #expect(deps.map(\.source) == [.version, .branch, .revision])
        #expect(deps.map(\.package) == ["github.com/apple/swift-argument-parser", "github.com/apple/swift-collections",
                                        "github.com/swiftlang/swift-syntax"])
        #expect(deps[2].revision == "0687f71944021d616d34d922343dcef086855920")
        #expect(deps[1].branch == "main")
    }

    @Test func formatThreeOriginHash() throws {
        let file = try parse("v3-origin-hash.resolved")
        #expect(file.formatVersion == 3)
        #expect(file.originHash?.hasPrefix("7c4d3d2b") == true)
        #expect(file.pins.first?.state.version == "1.19.1")
    }

    @Test func localAndRegistryPins() throws {
        let deps = SwiftPins.inventory(try parse("v2-local-and-registry.resolved"), path: "Package.resolved").dependencies
        #expect(deps.map(\.source) == [.local, .registry])
        #expect(deps[0].version == nil, "a local package has no version to check")
        #expect(deps[0].directory == "/Users/dev/src/shared-models")
        #expect(deps[1].package == "mona.linkedlist")
        #expect(deps[1].version == "1.2.0")
    }

    @Test func directPinsComeFromPackageSwift() throws {
        let declared = PackageSwiftDeclarations.packages(in: """
            dependencies: [
                .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
                .package(path: "../LocalThing"),
            ]
            """)
        let deps = SwiftPins.inventory(try parse("v2-branch-and-revision-pins.resolved"), path: "Package.resolved",
                                       directPackages: declared).dependencies
        #expect(deps.map(\.direct) == [true, false, false])
    }
}

@Suite struct SwiftPackageLocationTests {
    @Test(arguments: [
        ("https://github.com/apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("https://github.com/Apple/Swift-NIO", "github.com/apple/swift-nio"),
        ("http://github.com/apple/swift-nio/", "github.com/apple/swift-nio"),
        ("git@github.com:apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("ssh://git@github.com:22/apple/swift-nio.git", "github.com/apple/swift-nio"),
        ("github.com/apple/swift-nio", "github.com/apple/swift-nio"),
        ("https://gitlab.example.com/group/sub/repo.git", "gitlab.example.com/group/sub/repo"),
        ("/Users/dev/src/thing", "/Users/dev/src/thing"),
    ])
    func normalize(_ location: String, _ expected: String) {
        #expect(SwiftPackageLocation.normalize(location) == expected)
    }

    @Test(arguments: [
        ("https://github.com/apple/swift-nio.git", "swift-nio"),
        ("git@github.com:Vapor/Vapor.git", "vapor"),
        ("/Users/dev/src/Thing/", "thing"),
    ])
    func identity(_ location: String, _ expected: String) {
        #expect(SwiftPackageLocation.identity(of: location) == expected)
    }
}
