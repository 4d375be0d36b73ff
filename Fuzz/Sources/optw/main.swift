import Driver

/// The fuzz-optw binary: libFuzzer on FuzzTargets' "optw" target.
@_cdecl("fuzz_optw_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("optw", argc, argv)
}
