// swift-tools-version:6.0
// libFuzzer binaries, one per fuzz target, built only by `make fuzz` (with
// -sanitize=fuzzer,address and -parse-as-library, which the main package's executables cannot
// take). Each binary names its target and hands over to Driver; what a target does with an
// input is FuzzTargets in the main package, which the tests also run over every seed and
// regression.
import PackageDescription

let targets = ["question", "pack", "time", "optw", "kiosk", "notes"]

let package = Package(
  name: "HiwaicFuzz",
  dependencies: [.package(name: "hiwaic", path: "..")],
  targets: [
    .target(name: "Driver", dependencies: [.product(name: "FuzzTargets", package: "hiwaic")])
  ]
    + targets.map { name in
      .executableTarget(name: "fuzz-\(name)", dependencies: ["Driver"], path: "Sources/\(name)")
    }
)
