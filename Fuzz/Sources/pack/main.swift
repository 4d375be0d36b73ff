import Driver

/// The fuzz-pack binary: libFuzzer on FuzzTargets' "pack" target.
@_cdecl("fuzz_pack_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("pack", argc, argv)
}
