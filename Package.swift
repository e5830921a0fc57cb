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
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
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
                "BackchannelStore",
                "BackchannelIngest",
                "BackchannelWeb",
                "BackchannelMail",
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
        .target(name: "BackchannelEvents", dependencies: ["BackchannelCore"],
                resources: [.copy("Resources/event-types.tsv"), .copy("Resources/modality.tsv"), .copy("Resources/event-dates.tsv"),
                            .copy("Resources/event-places.tsv"), .copy("Resources/event-targets.tsv")]),
        .testTarget(name: "BackchannelEventsTests", dependencies: ["BackchannelEvents", "BackchannelQuotes", "BackchannelEntities", "BackchannelDates", "BackchannelMoney", "BackchannelSegment", "BackchannelCore"]),
        // Assembly of the stages.
        .target(
            name: "BackchannelPipeline",
            dependencies: ["BackchannelCore", "BackchannelSegment", "BackchannelEntities", "BackchannelDates", "BackchannelMoney", "BackchannelQuotes", "BackchannelEvents", "BackchannelExtract"]
        ),
        // The store: articles and their facts in SQLite (default) or PostgreSQL, through SQLKit.
        .target(
            name: "BackchannelStore",
            dependencies: [
                "BackchannelCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Shared by the test targets: throwaway PostgreSQL servers and hand-built articles.
        .target(
            name: "BackchannelTestSupport",
            dependencies: ["BackchannelStore", "BackchannelCore", .product(name: "SQLKit", package: "sql-kit")]
        ),
        .testTarget(
            name: "BackchannelStoreTests",
            dependencies: ["BackchannelStore", "BackchannelTestSupport", "BackchannelPipeline", "BackchannelExtract", "BackchannelCore", .product(name: "SQLKit", package: "sql-kit")]
        ),
        // Ingest: files, directories, feeds and URLs (with SSRF guards) into the store, through a queue.
        .target(
            name: "BackchannelIngest",
            dependencies: [
                "BackchannelCore", "BackchannelExtract", "BackchannelPipeline", "BackchannelStore", "CLibXML2",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "BackchannelIngestTests",
            dependencies: [
                "BackchannelIngest", "BackchannelStore", "BackchannelCore", "BackchannelTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Plain-text mail to an SMTP relay (the watchlists' digests). Foundation and POSIX sockets only.
        .target(name: "BackchannelMail"),
        .testTarget(name: "BackchannelMailTests", dependencies: ["BackchannelMail", "BackchannelTestSupport"]),
        // The web application and the JSON API (Vapor), read-only over the store.
        .target(
            name: "BackchannelWeb",
            dependencies: [
                "BackchannelStore", "BackchannelCore", "BackchannelExtract", "BackchannelPipeline",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "BackchannelWebTests",
            dependencies: [
                "BackchannelWeb", "BackchannelStore", "BackchannelCore", "BackchannelTestSupport", "BackchannelIngest",
                .product(name: "VaporTesting", package: "vapor"),
            ]
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
            dependencies: ["BackchannelCLI", "BackchannelPipeline", "BackchannelCore", "BackchannelStore", "BackchannelTestSupport", "backchannel", .product(name: "SQLKit", package: "sql-kit")]
        ),
    ]
)
