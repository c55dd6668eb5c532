// swift-tools-version: 6.1
import PackageDescription

/// Optimisation for the debug configuration of the targets that compute (see their declarations).
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// Bourg: the attractiveness atlas of France's small towns.
///
/// Dependencies point inward: `bourg` (CLI) → `BourgData` (importers + store) → `BourgCore` (pure model).
let package = Package(
    name: "Bourg",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BourgCore", targets: ["BourgCore"]),
        .library(name: "BourgData", targets: ["BourgData"]),
        .library(name: "BourgWeb", targets: ["BourgWeb"]),
        .executable(name: "bourg", targets: ["bourg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // The core and the data layer are optimised in debug builds too: the tests' real-atlas checks recompute the
        // atlas' heaviest results (cross-validated newcomer models, stored peers): the data tests took 6.4 min
        // unoptimised, 54 s optimised, on 2 cores.
        .target(name: "BourgCore", swiftSettings: optimisedInDebug),
        .target(
            name: "BourgData",
            dependencies: [
                "BourgCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: optimisedInDebug
        ),
        .target(
            name: "BourgWeb",
            dependencies: [
                "BourgCore",
                "BourgData",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            resources: [.copy("Templates"), .copy("Public")]
        ),
        .executableTarget(
            name: "bourg",
            dependencies: [
                "BourgCore",
                "BourgData",
                "BourgWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BourgCoreTests", dependencies: ["BourgCore"]),
        .testTarget(
            name: "BourgWebTests",
            dependencies: [
                "BourgWeb", "BourgData", "BourgCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(
            name: "BourgDataTests",
            dependencies: ["BourgCore", "BourgData"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
