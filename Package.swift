// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "depwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "depwatch", targets: ["depwatch"]),
        .library(name: "Manifest", targets: ["Manifest"]),
        .library(name: "Versions", targets: ["Versions"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "depwatch",
            dependencies: [
                "Manifest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "Versions"),
        .target(name: "Manifest", dependencies: ["Versions"]),
        .target(name: "DepwatchTestSupport", path: "Tests/DepwatchTestSupport"),
        .testTarget(name: "VersionsTests", dependencies: ["Versions", "DepwatchTestSupport"],
                    exclude: ["Orderings"]),
        .testTarget(name: "ManifestTests", dependencies: ["Manifest", "DepwatchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "depwatchTests", dependencies: ["DepwatchTestSupport"], exclude: ["Golden"]),
    ]
)
