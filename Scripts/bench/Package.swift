// swift-tools-version: 6.0
// The benchmarks: a package of their own, so that the library's package stays free of
// benchmark-only code and they always build in release mode against the library as users get it.
import PackageDescription

let package = Package(
    name: "tfevents-bench",
    dependencies: [
        .package(name: "swift-tfevents", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "tfevents-bench",
            dependencies: [
                .product(name: "TFEvents", package: "swift-tfevents"),
                .product(name: "TFEventsSQLite", package: "swift-tfevents"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
