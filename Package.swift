// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossierd", targets: ["dossierd"]),
        .executable(name: "dossier", targets: ["dossier"]),
        .executable(name: "dossier-bench", targets: ["dossier-bench"]),
        // For packages built beside this one (Sinks/Postgres): the client and the wire types,
        // the Merkle hashes to check a replica with, and the test fixtures.
        .library(name: "DossierClient", targets: ["DossierClient", "DossierProtocol", "DossierCore", "DossierFoundation"]),
        .library(name: "DossierMerkle", targets: ["DossierMerkle"]),
        .library(name: "DossierTesting", targets: ["DossierTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - The product (Sources/)

        // C and its safe wrapper.
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        .target(name: "LMDB", dependencies: ["CLMDB"], swiftSettings: swiftSettings),

        // glibc's <malloc.h>, for giving freed memory back to the system (malloc_trim).
        .systemLibrary(name: "CMalloc"),

        // Infrastructure every layer shares: JSON, times and dates, ids. No domain.
        .target(name: "DossierFoundation", swiftSettings: swiftSettings),

        // Pure domain, a room per domain: events, commands, rules, policy, state. No I/O.
        .target(name: "DossierCore", dependencies: ["DossierFoundation"], swiftSettings: swiftSettings),

        // The RFC 6962 Merkle tree's hashes and proof checks, and signed tree heads: shared by
        // the store, which proves, and the client, which checks proofs offline.
        .target(
            name: "DossierMerkle", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),

        // Reading data as banks have it: CSV as found in the wild.
        // Mappings per source format produce the rows of `import.rows` (DossierProtocol); mapping
        // files are TOML like the daemon's config.
        .target(
            name: "DossierImport",
            dependencies: [
                "DossierFoundation", "DossierProtocol", "DossierClient", .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings),

        // Event log, projections and the single writer on LMDB.
        .target(
            name: "DossierStore",
            dependencies: [
                "LMDB", "DossierCore", "DossierMerkle",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Wire types shared by daemon and client.
        .target(name: "DossierProtocol", dependencies: ["DossierCore"], swiftSettings: swiftSettings),

        // Socket server, configuration, systemd glue.
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierStore", "DossierProtocol", "DossierMerkle", "CMalloc",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),

        // Blocking Unix-socket client used by the CLI and the tests.
        .target(name: "DossierClient", dependencies: ["DossierProtocol"], swiftSettings: swiftSettings),

        .executableTarget(
            name: "dossierd",
            dependencies: [
                "DossierServer", "DossierStore", "DossierProtocol", "DossierCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierClient", "DossierProtocol", "DossierMerkle", "DossierImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tools (Tools/): built and tested by CI, not shipped

        // SQLite, only as a baseline for the benchmark.
        .systemLibrary(
            name: "CSQLite", path: "Tools/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // The benchmark: Dossier against raw LMDB, SQLite and PostgreSQL, measured in one run.
        .target(
            name: "DossierBench",
            dependencies: [
                "DossierServer", "DossierStore", "DossierClient", "DossierProtocol", "DossierImport", "CLMDB", "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tools/DossierBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dossier-bench",
            dependencies: ["DossierBench", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/dossier-bench",
            swiftSettings: swiftSettings
        ),

        // Crash test and protocol fuzzer against a real dossierd.
        .target(
            name: "DossierChaos", dependencies: ["DossierClient", "DossierProtocol", "DossierCore"],
            path: "Tools/DossierChaos", swiftSettings: swiftSettings),
        .executableTarget(
            name: "dossier-crashtest",
            dependencies: ["DossierChaos", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/dossier-crashtest", swiftSettings: swiftSettings),
        .executableTarget(
            name: "dossier-fuzz",
            dependencies: ["DossierChaos", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/dossier-fuzz", swiftSettings: swiftSettings),

        // libFuzzer targets (docs/FUZZING.md). Built without -DFUZZING they replay the files
        // they are given, so a plain build links them and runs their seed corpus.
        .target(name: "FuzzingSupport", path: "Tools/FuzzingSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "fuzz-request",
            dependencies: [
                "FuzzingSupport", "DossierServer", "DossierStore", "DossierProtocol", "DossierCore", "DossierTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            path: "Tools/fuzz-request", swiftSettings: swiftSettings),
        .executableTarget(
            name: "fuzz-csv", dependencies: ["FuzzingSupport", "DossierImport"], path: "Tools/fuzz-csv",
            swiftSettings: swiftSettings),

        // MARK: - Tests

        // Fixtures for tests only.
        .target(name: "CPageCache"),
        .target(
            name: "DossierTesting",
            dependencies: [
                "DossierStore", "DossierClient", "DossierProtocol", "CPageCache",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "DossierTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "DossierFoundationTests", dependencies: ["DossierFoundation"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DossierMerkleTests",
            dependencies: ["DossierMerkle", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DossierImportTests", dependencies: ["DossierImport", "DossierProtocol"], swiftSettings: swiftSettings),
        .testTarget(name: "DossierStoreTests", dependencies: ["DossierStore", "DossierTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "DossierProtocolTests", dependencies: ["DossierProtocol"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DossierClientTests", dependencies: ["DossierClient", "DossierProtocol"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierServer", "DossierTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["DossierTesting", "DossierClient", "DossierProtocol", "DossierChaos"],
            swiftSettings: swiftSettings
        ),
    ]
)
