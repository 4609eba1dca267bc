// swift-tools-version: 6.2
import PackageDescription

// MARK: - Shared dependencies

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "Pharmine",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pharmine", targets: ["PharmineCLI"]),
        .executable(name: "pharmine-bench", targets: ["PharmineBench"]),
        .library(name: "Pharmine", targets: ["Pharmine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // MARK: - C libraries

        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"]), .brew(["libxml2"])]
        ),

        // MARK: - Core

        .target(name: "PharmineCore"),

        // MARK: - Stages

        .target(name: "PharmineIngest", dependencies: ["PharmineCore", "CLibXML2"]),
        .target(name: "PharmineText", dependencies: ["PharmineCore"]),
        .target(name: "PharmineLexicon", dependencies: ["PharmineCore", "PharmineText"]),
        .target(name: "PharmineContext", dependencies: ["PharmineCore", "PharmineText", "PharmineLexicon"]),
        .target(name: "PharmineRelate", dependencies: ["PharmineCore", "PharmineText", "PharmineLexicon", "PharmineContext"]),
        .target(name: "PharmineOutput", dependencies: ["PharmineCore"], resources: [.copy("Schemas")]),

        // MARK: - Pipeline

        .target(
            name: "Pharmine",
            dependencies: [
                "PharmineCore", "PharmineIngest", "PharmineText", "PharmineLexicon",
                "PharmineContext", "PharmineRelate", "PharmineOutput",
            ]
        ),

        // MARK: - Command-line tools

        .executableTarget(
            name: "PharmineCLI",
            dependencies: [
                "Pharmine", "PharmineCore", "PharmineIngest", "PharmineOutput", "PharmineLexicon", "PharmineText",
                argumentParser,
            ]
        ),
        .executableTarget(
            name: "PharmineBench",
            dependencies: [
                "Pharmine", "PharmineCore", "PharmineIngest", "PharmineText", "PharmineLexicon", "PharmineContext",
            ]
        ),

        // MARK: - Tests

        .testTarget(name: "PharmineCoreTests", dependencies: ["PharmineCore"]),
        .testTarget(
            name: "PharmineIngestTests",
            dependencies: ["PharmineIngest", "PharmineCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PharmineTextTests", dependencies: ["PharmineText", "PharmineCore"]),
        .testTarget(name: "PharmineLexiconTests", dependencies: ["PharmineLexicon", "PharmineText", "PharmineCore"]),
        .testTarget(
            name: "PharmineContextTests",
            dependencies: ["PharmineContext", "PharmineLexicon", "PharmineText", "PharmineCore"]
        ),
        .testTarget(
            name: "PharmineRelateTests",
            dependencies: ["PharmineRelate", "PharmineContext", "PharmineLexicon", "PharmineText", "PharmineCore"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "PharmineOutputTests", dependencies: ["PharmineOutput", "PharmineCore"]),
        .testTarget(
            name: "PharmineTests",
            dependencies: ["Pharmine", "PharmineCore", "PharmineIngest", "PharmineOutput"],
            resources: [.copy("Fixtures"), .copy("Golden")]
        ),
        .testTarget(
            name: "PharmineCLITests",
            dependencies: ["PharmineCLI", "Pharmine", "PharmineCore", "PharmineIngest", "PharmineOutput"]
        ),
    ]
)

// MARK: - Shared settings

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
