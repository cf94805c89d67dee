// swift-tools-version:6.1
import PackageDescription

// The PostgreSQL sink: a package of its own, so that the daemon's package never resolves or
// builds postgres-nio (and its TLS stack). It uses the daemon's package by path, for the client,
// the wire types and the test fixtures.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "dossier-pg-sink",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier-pg-sink", targets: ["dossier-pg-sink"]),
    ],
    dependencies: [
        // Named, so that `.product(package:)` does not depend on the checkout's folder name.
        .package(name: "dossier", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Follows the log and applies it to PostgreSQL, exactly once by sequence.
        .target(
            name: "PostgresSink",
            dependencies: [
                .product(name: "DossierClient", package: "dossier"),
                .product(name: "DossierMerkle", package: "dossier"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dossier-pg-sink",
            dependencies: [
                "PostgresSink",
                .product(name: "DossierClient", package: "dossier"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresSinkTests",
            dependencies: [
                "PostgresSink",
                .product(name: "DossierClient", package: "dossier"),
                .product(name: "DossierTesting", package: "dossier"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
