// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "app",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.19.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", branch: "main"),
    ]
)
