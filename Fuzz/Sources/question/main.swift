import Driver

/// The fuzz-question binary: libFuzzer on FuzzTargets' "question" target.
@_cdecl("fuzz_question_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  fuzzMain("question", argc, argv)
}
