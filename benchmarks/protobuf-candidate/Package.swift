// swift-tools-version:6.1
import PackageDescription

// Measures swift-protobuf's generated decoder (profile.pb.swift, generated once from profile.proto with
// protoc and protoc-gen-swift, committed) against depwatch's own reader on the same profile:
// benchmarks/protobuf-candidate.sh.
let package = Package(
    name: "ProtobufCandidate",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(name: "depwatch", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "ProtobufCandidate", dependencies: [
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "Heap", package: "depwatch"),
        ]),
    ]
)
