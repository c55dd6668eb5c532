// swift-tools-version: 6.1
import PackageDescription

/// Bourg: the attractiveness atlas of France's small towns.
///
/// Dependencies point inward: `bourg` (CLI) → `BourgData` (importers + store) → `BourgCore` (pure model).
let package = Package(
    name: "Bourg",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BourgCore", targets: ["BourgCore"]),
        .library(name: "BourgData", targets: ["BourgData"]),
        .executable(name: "bourg", targets: ["bourg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "BourgCore"),
        .target(
            name: "BourgData",
            dependencies: [
                "BourgCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "bourg",
            dependencies: [
                "BourgCore",
                "BourgData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BourgCoreTests", dependencies: ["BourgCore"]),
        .testTarget(
            name: "BourgDataTests",
            dependencies: ["BourgCore", "BourgData"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
