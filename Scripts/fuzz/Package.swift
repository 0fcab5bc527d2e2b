// swift-tools-version: 6.0
// The fuzzer: a package of its own, built with libFuzzer and AddressSanitizer by Scripts/fuzz.sh,
// so the library's own build stays free of sanitizer flags.
import PackageDescription

let package = Package(
    name: "tfevents-fuzz",
    dependencies: [
        .package(name: "swift-tfevents", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "tfevents-fuzz",
            dependencies: [.product(name: "TFEvents", package: "swift-tfevents")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
