// swift-tools-version:6.1
import PackageDescription

/// Debug builds (the tests) link the system's shared libgit2. Release builds link its static archive and
/// the static archives of what it needs (Debian's libgit2-dev brings them all): loading the shared
/// libgit2 and its twenty libraries cost about 2 ms of every run, git or not (BENCHMARKS.md,
/// "Static libgit2"). GSSAPI has no static archive and stays shared; zlib is shared for other users too.
/// Elsewhere than Linux, the shared library in both.
let gitLinkerSettings: [LinkerSetting] = [
    .linkedLibrary("git2", .when(configuration: .debug)),
    .linkedLibrary("git2", .when(platforms: [.macOS], configuration: .release)),
] + [":libgit2.a", ":libssh2.a", ":libmbedtls.a", ":libmbedx509.a", ":libmbedcrypto.a", ":libhttp_parser.a",
     ":libpcre2-8.a", ":libcrypto.a", ":libgssapi_krb5.so.2", "z"].map { .linkedLibrary($0, .when(platforms: [.linux], configuration: .release)) }

let package = Package(
    name: "depwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "depwatch", targets: ["depwatch"]),
        .executable(name: "depwatch-fuzz", targets: ["depwatch-fuzz"]),
        .library(name: "Manifest", targets: ["Manifest"]),
        .library(name: "Versions", targets: ["Versions"]),
        .library(name: "Advisories", targets: ["Advisories"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "Git", targets: ["Git"]),
        .library(name: "Bisect", targets: ["Bisect"]),
        .library(name: "Scan", targets: ["Scan"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "Heap", targets: ["Heap"]),
        .library(name: "GoBinary", targets: ["GoBinary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .executableTarget(
            name: "depwatch",
            dependencies: [
                "Manifest",
                "Advisories",
                "Audit",
                "Diff",
                "Bisect",
                "Scan",
                "Report",
                "Heap",
                "Versions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "depwatch-fuzz", dependencies: ["Manifest", "Advisories", "Audit", "Scan", "Heap", "GoBinary", "Versions"]),
        .target(name: "Core"),
        .target(name: "GoBinary", dependencies: ["Core"]),
        .target(name: "Heap", dependencies: ["Core", "Manifest", "CSystemZlib"]),
        .target(name: "Report", dependencies: ["Core", "Manifest", "Advisories", "Audit", "Diff", "Scan", "Bisect", "Heap"]),
        .target(name: "Versions"),
        .systemLibrary(name: "CGit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Git", dependencies: ["CGit2", "Advisories", "Manifest"], linkerSettings: gitLinkerSettings),
        .target(name: "Diff", dependencies: ["Audit", "Advisories", "Manifest", "Git"]),
        .target(name: "Manifest", dependencies: ["Core", "Versions", "GoBinary"]),
        .target(
            name: "Scan",
            dependencies: [
                "Audit", "Advisories", "Git", "Manifest", "Versions",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "Bisect",
            dependencies: [
                "Advisories",
                "Git",
                "Heap",
                "Manifest",
                "Versions",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(
            name: "Advisories",
            dependencies: [
                "Core",
                "Versions",
                "CSystemZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "Audit",
            dependencies: [
                "Core",
                "Manifest",
                "GoBinary",
                "Advisories",
                "Versions",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .target(name: "DepwatchTestSupport", dependencies: ["Advisories", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/DepwatchTestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "GoBinaryTests", dependencies: ["GoBinary", "Core", "DepwatchTestSupport"]),
        .testTarget(name: "HeapTests", dependencies: ["Heap", "Core", "Manifest", "Advisories", "DepwatchTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "VersionsTests", dependencies: ["Versions", "DepwatchTestSupport"],
                    exclude: ["Orderings"]),
        .testTarget(name: "ManifestTests", dependencies: ["Manifest", "DepwatchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "AdvisoriesTests", dependencies: [
                        "Advisories", "DepwatchTestSupport",
                        .product(name: "GRDB", package: "GRDB.swift"),
                        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                    ]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Advisories", "Manifest", "DepwatchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GitTests", dependencies: ["Git", "Manifest", "DepwatchTestSupport"]),
        .testTarget(name: "BisectTests", dependencies: ["Bisect", "Git", "Advisories", "Audit", "Report", "DepwatchTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "ScanTests", dependencies: ["Scan", "Advisories", "Report", "DepwatchTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DiffTests", dependencies: ["Diff", "Audit", "Report", "DepwatchTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Audit", "Diff", "Scan", "Bisect", "Advisories", "DepwatchTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "depwatchTests", dependencies: ["DepwatchTestSupport"], exclude: ["Golden"]),
    ]
)
