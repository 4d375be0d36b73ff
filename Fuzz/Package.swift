// swift-tools-version:6.0
// libFuzzer binaries, one per fuzz target, built only by `make fuzz` (with
// -sanitize=fuzzer,address and -parse-as-library, which the main package's executables cannot
// take). Each binary is a thin entry point; what it does with an input is FuzzTargets in the
// main package, which the tests also run over every seed and regression.
import PackageDescription

let targets = ["question", "pack", "time", "optw", "kiosk"]

let package = Package(
  name: "HiwaicFuzz",
  dependencies: [.package(name: "hiwaic", path: "..")],
  targets: targets.map { name in
    .executableTarget(
      name: "fuzz-\(name)",
      dependencies: [.product(name: "FuzzTargets", package: "hiwaic")],
      path: "Sources/\(name)")
  }
)
