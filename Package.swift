// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-tfevents",
    products: [
        .library(name: "TFEvents", targets: ["TFEvents"]),
        .library(name: "TFEventsSQLite", targets: ["TFEventsSQLite"]),
        .library(name: "TFEventsS3", targets: ["TFEventsS3"]),
        .executable(name: "tfevents", targets: ["TFEventsCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (Scripts/docs.sh); adds no code to any product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Native layers: Debian's zlib and protobuf-c, our generated schema, CRC32C.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"]), .brew(["protobuf-c"])]
        ),
        .target(name: "CTensorBoardProto", dependencies: ["CProtobufC"], exclude: ["proto"]),
        .target(name: "CCRC32C"),
        // Debian's SQLite, for TFEventsSQLite only: the core library never links it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Debian's libcurl (libcurl4-openssl-dev), for object storage only: its header, with the
        // library loaded at the first request (see Sources/CCurl/shim.h), so no pkg-config `-lcurl`.
        .systemLibrary(name: "CCurl"),

        // The library.
        .target(
            name: "TFEvents",
            dependencies: ["CZlib", "CProtobufC", "CTensorBoardProto", "CCRC32C"]
        ),

        // Log directories as SQLite databases (`tfevents export --format sqlite`).
        .target(name: "TFEventsSQLite", dependencies: ["TFEvents", "CSQLite"]),
        // Log directories in S3 and S3-compatible stores: a ByteSource over libcurl.
        .target(name: "TFEventsS3", dependencies: ["TFEvents", "CCurl"]),

        // The command-line tool.
        .executableTarget(
            name: "TFEventsCLI",
            dependencies: [
                "TFEvents",
                "TFEventsSQLite",
                "TFEventsS3",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Writes the runs that Tests/Interop checks with a real TensorBoard.
        .executableTarget(
            name: "InteropWriter",
            dependencies: ["TFEvents"],
            path: "Tests/Interop/InteropWriter"
        ),

        // A child process for tests that need one: exit without close, kill -9, several writers.
        .executableTarget(
            name: "TestWriter",
            dependencies: ["TFEvents"],
            path: "Tests/TestWriter"
        ),

        // Fuzzing: what every fuzz input goes through (replayed by FuzzRegressionTests), and
        // libFuzzer's entry point, which Scripts/fuzz.sh builds with -DFUZZING and the sanitizers
        // (without -DFUZZING it is a stub that says so).
        .target(name: "TFEventsFuzzHarness", dependencies: ["TFEvents"], path: "Tests/FuzzHarness"),
        .executableTarget(name: "TFEventsFuzz", dependencies: ["TFEventsFuzzHarness"], path: "Tests/Fuzz"),

        // Tests.
        // What both test targets share: the fixtures, exact JSON, temporary directories and mounts.
        // zlib's inflate, so the tests can decode the PNGs the library writes.
        .target(name: "TestSupport", dependencies: ["CZlib"], path: "Tests/TestSupport"),
        .testTarget(name: "TFEventsTests", dependencies: ["TFEvents", "TestSupport", "TFEventsFuzzHarness"]),
        .testTarget(
            name: "TFEventsCLITests",
            dependencies: ["TFEventsCLI", "TFEvents", "TFEventsSQLite", "TFEventsS3", "TestSupport"]
        ),
        .testTarget(name: "TFEventsSQLiteTests", dependencies: ["TFEventsSQLite", "TFEvents", "TestSupport"]),
        .testTarget(name: "TFEventsS3Tests", dependencies: ["TFEventsS3", "TFEvents"]),
    ],
    swiftLanguageModes: [.v6]
)

// Settings for our own Swift targets; system-library targets accept none.
for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
