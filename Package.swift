// swift-tools-version:6.1
// Quire: from scans of printed books, typescripts and manuscripts to Wikisource.
// The module layout and its import rules are described in README.md ("Architecture").
import PackageDescription

/// Strict settings for every Swift target of ours.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "QuireCore", targets: ["QuireCore"]),
        .library(name: "QuirePipeline", targets: ["QuirePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module.
        .systemLibrary(
            name: "CTesseract", path: "Sources/CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev"])]),
        .systemLibrary(
            name: "CLeptonica", path: "Sources/CLeptonica", pkgConfig: "lept",
            providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CDeflate", path: "Sources/CDeflate", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // Store-only PNG for Tesseract's internal line images (see its source); part of QuireOCR.
        .target(name: "CLineImageTuning", linkerSettings: [.linkedLibrary("dl")]),

        // Pure value types shared by every module.
        .target(name: "QuireCore", swiftSettings: strict),

        // Feature modules: each depends on Core and its own C or package dependency only.
        .target(name: "QuireOCR", dependencies: ["QuireCore", "CTesseract", "CLeptonica", "CLineImageTuning"], swiftSettings: strict),
        .target(name: "QuireXML", dependencies: ["QuireCore", "CLibXML2"], swiftSettings: strict),
        .target(name: "QuireWikitext", dependencies: ["QuireCore"], swiftSettings: strict),
        .target(name: "QuireAlign", dependencies: ["QuireCore"], swiftSettings: strict),
        .target(name: "QuireClearance", dependencies: ["QuireCore"], swiftSettings: strict),
        .target(
            name: "QuireCatalogue",
            dependencies: ["QuireCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(name: "QuirePublish", dependencies: ["QuireCore"], swiftSettings: strict),
        .target(name: "QuireEPUB", dependencies: ["QuireCore", "ZIPFoundation"], swiftSettings: strict),
        .target(name: "QuireRelease", dependencies: ["QuireCore", "CDeflate"], swiftSettings: strict),

        // Composition of the feature modules.
        .target(
            name: "QuirePipeline",
            dependencies: [
                "QuireCore", "QuireOCR", "QuireXML", "QuireWikitext", "QuireAlign",
                "QuireClearance", "QuireCatalogue", "QuirePublish", "QuireEPUB", "QuireRelease",
            ],
            swiftSettings: strict),

        // The proofreading room (`quire serve`): an application layer like the CLI, on Hummingbird.
        .target(
            name: "QuireServer",
            dependencies: [
                "QuireCore", "QuireCatalogue", "QuirePipeline", "QuireWikitext", "QuireOCR",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            resources: [.embedInCode("Assets/room.css"), .embedInCode("Assets/room.js")],
            swiftSettings: strict),

        // The thin command-line tool. Its test fault hooks (a crash or hang on a chosen page) are
        // compiled into debug builds only, the ones `make test` runs: never into a release.
        .executableTarget(
            name: "quire",
            dependencies: [
                "QuireCore", "QuirePipeline", "QuireCatalogue", "QuireOCR", "QuireAlign", "QuireClearance", "QuireXML", "QuirePublish", "QuireRelease",
                "QuireServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict + [.define("QUIRE_FAULT_HOOKS", .when(configuration: .debug))],
            // Exported so that Leptonica's call resolves to CLineImageTuning's definition.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=png_set_compression_level"])]),

        // Test support: fixtures, fake engines, temporary catalogues.
        .target(name: "QuireTestSupport", dependencies: ["QuireCore"], path: "Tests/QuireTestSupport", swiftSettings: strict),

        .testTarget(name: "QuireCoreTests", dependencies: ["QuireCore", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireOCRTests", dependencies: ["QuireOCR", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireXMLTests", dependencies: ["QuireXML", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireWikitextTests", dependencies: ["QuireWikitext", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireAlignTests", dependencies: ["QuireAlign", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireClearanceTests", dependencies: ["QuireClearance", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireCatalogueTests", dependencies: ["QuireCatalogue", "QuireTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "QuirePublishTests", dependencies: ["QuirePublish", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireEPUBTests", dependencies: ["QuireEPUB", "QuireTestSupport", "ZIPFoundation"], swiftSettings: strict),
        .testTarget(name: "QuireReleaseTests", dependencies: ["QuireRelease", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuirePipelineTests", dependencies: ["QuirePipeline", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireServerTests", dependencies: ["QuireServer", "QuireCatalogue", "QuireClearance", "QuirePipeline", "QuireTestSupport"], swiftSettings: strict),
        .testTarget(name: "QuireCLITests", dependencies: ["quire", "QuireCatalogue", "QuirePublish", "QuireTestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
