// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Backchannel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "backchannel", targets: ["backchannel"]),
        .library(name: "BackchannelCore", targets: ["BackchannelCore"]),
        .library(name: "BackchannelExtract", targets: ["BackchannelExtract"]),
        .library(name: "BackchannelPipeline", targets: ["BackchannelPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // libxml2's HTML parser, the parser under lxml and trafilatura.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The document model and the Stage idea. Foundation only.
        .target(name: "BackchannelCore"),
        // HTML and plain text → Document (clean text, metadata, images).
        .target(
            name: "BackchannelExtract",
            dependencies: ["BackchannelCore", "CLibXML2"]
        ),
        // The commands, as a library so that tests run them in-process.
        .target(
            name: "BackchannelCLI",
            dependencies: [
                "BackchannelCore",
                "BackchannelExtract",
                "BackchannelPipeline",
                "BackchannelEntities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "backchannel", dependencies: ["BackchannelCLI"]),
        // Sentences and tokens.
        .target(name: "BackchannelSegment", dependencies: ["BackchannelCore"]),
        .testTarget(name: "BackchannelSegmentTests", dependencies: ["BackchannelSegment", "BackchannelCore"]),
        // Dates normalised against the publication date; amounts of money.
        .target(name: "BackchannelDates", dependencies: ["BackchannelCore"]),
        .target(name: "BackchannelMoney", dependencies: ["BackchannelCore"]),
        // Named entities (gazetteer + averaged perceptron), one entity per actor, roles.
        .target(
            name: "BackchannelEntities",
            dependencies: ["BackchannelCore"],
            resources: [.copy("Resources/gazetteer.tsv"), .copy("Resources/ner.model")]
        ),
        // Direct quotations and their speakers.
        .target(name: "BackchannelQuotes", dependencies: ["BackchannelCore"]),
        .testTarget(name: "BackchannelQuotesTests", dependencies: ["BackchannelQuotes", "BackchannelEntities", "BackchannelSegment", "BackchannelCore"]),
        // Who did what to whom: PLOVER events with positions.
        .target(name: "BackchannelEvents", dependencies: ["BackchannelCore"]),
        .testTarget(name: "BackchannelEventsTests", dependencies: ["BackchannelEvents", "BackchannelQuotes", "BackchannelEntities", "BackchannelDates", "BackchannelMoney", "BackchannelSegment", "BackchannelCore"]),
        // Assembly of the stages.
        .target(
            name: "BackchannelPipeline",
            dependencies: ["BackchannelCore", "BackchannelSegment", "BackchannelEntities", "BackchannelDates", "BackchannelMoney", "BackchannelQuotes", "BackchannelEvents", "BackchannelExtract"]
        ),
        .testTarget(name: "BackchannelEntitiesTests", dependencies: ["BackchannelEntities", "BackchannelSegment", "BackchannelCore"]),
        .testTarget(name: "BackchannelValuesTests", dependencies: ["BackchannelDates", "BackchannelMoney", "BackchannelSegment", "BackchannelCore"]),
        .testTarget(name: "BackchannelCoreTests", dependencies: ["BackchannelCore"]),
        .testTarget(
            name: "BackchannelExtractTests",
            dependencies: ["BackchannelExtract", "BackchannelCore"]
        ),
        .testTarget(
            name: "BackchannelCLITests",
            dependencies: ["BackchannelCLI", "BackchannelPipeline", "BackchannelCore", "backchannel"]
        ),
    ]
)
