// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "swift-gateway",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.40.0"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.19.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", branch: "main"),
    ],
    targets: [
        .executableTarget(name: "Gateway", dependencies: [
            .product(name: "NIO", package: "swift-nio"),
            .product(name: "NIOHTTP2", package: "swift-nio-http2"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ]),
    ]
)
