import Foundation
import FuzzTargets

/// libFuzzer's entry point: one input through FuzzTargets' "optw" target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  FuzzTargets.all["optw"]?(data)
  return 0
}
