import Driver

/// The fuzz-notes binary: libFuzzer on FuzzTargets' "notes" target.
@_cdecl("fuzz_notes_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("notes", argc, argv)
}
