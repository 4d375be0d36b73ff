import Driver

/// The fuzz-time binary: libFuzzer on FuzzTargets' "time" target.
@_cdecl("fuzz_time_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("time", argc, argv)
}
