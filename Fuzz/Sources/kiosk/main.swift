import Driver

/// The fuzz-kiosk binary: libFuzzer on FuzzTargets' "kiosk" target.
@_cdecl("fuzz_kiosk_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("kiosk", argc, argv)
}
