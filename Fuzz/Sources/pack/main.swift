import Foundation
import FuzzTargets

/// libFuzzer's entry point: one input through FuzzTargets' "pack" target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  FuzzTargets.all["pack"]?(data)
  return 0
}
