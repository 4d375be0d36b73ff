import Foundation
import FuzzTargets

/// The target this binary fuzzes, chosen once in `fuzzMain` before libFuzzer starts.
nonisolated(unsafe) private var selected: (@Sendable (Data) -> Void)?

/// libFuzzer's entry point: one input through the selected FuzzTargets target.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  selected?(start.map { Data(bytes: $0, count: count) } ?? Data())
  return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the command line to libFuzzer's driver with `target` selected. SwiftPM links an
/// executable's `main` to a symbol of the module's name, which each binary defines as a call to
/// this (libFuzzer's own `main` is then not linked).
public func fuzzMain(
  _ target: String, _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  guard let chosen = FuzzTargets.all[target] else {
    FileHandle.standardError.write(Data("no fuzz target named \(target)\n".utf8))
    return 2
  }
  selected = chosen
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments, testOneInput)
}
