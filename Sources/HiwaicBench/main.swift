// hiwaic-bench: the speed and memory figures of `make bench` (release build). It prints figures;
// it never fails on a timing.
import EventModel
import Foundation
import PackGenerator
import Planner

#if canImport(Glibc)
  import Glibc
#endif

/// Resident memory of this process in bytes, from /proc/self/statm.
func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return 0
  }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Peak resident memory so far, in bytes.
func peakResidentBytes() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Int(usage.ru_maxrss) * 1024
}

func milliseconds(_ block: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try block()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

func directorySize(_ url: URL) -> Int {
  let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
  return files.reduce(0) { total, file in
    let attributes = try? FileManager.default.attributesOfItem(
      atPath: url.appendingPathComponent(file).path)
    return total + ((attributes?[.size] as? Int) ?? 0)
  }
}

/// Times `runs` loads of a pack and reports the median and the minimum.
func benchLoad(name: String, directory: URL, runs: Int, target: Double) throws {
  let before = residentBytes()
  var kept: EventCatalog?
  let first = try milliseconds { kept = try PackLoader.load(from: directory) }
  let after = residentBytes()
  var times = [first]
  for _ in 1..<runs {
    times.append(try milliseconds { _ = try PackLoader.load(from: directory) })
  }
  times.sort()
  let median = times[times.count / 2]
  let pack = kept!.pack
  print(
    String(
      format: "%@: load+index median %.1f ms, min %.1f ms over %d runs (target < %.0f ms)", name,
      median,
      times[0], runs, target))
  print(
    "    \(pack.exhibitors.count) exhibitors, \(pack.sessions.count) sessions, \(pack.walkways.nodes.count) walkway nodes; "
      + "\(megabytes(directorySize(directory))) of JSON; resident memory +\(megabytes(after - before)) after the first load"
  )
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()
let waic =
  CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
  ?? repository.appendingPathComponent("Data/waic2025")

var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: waic.path, isDirectory: &isDirectory),
  isDirectory.boolValue
else {
  FileHandle.standardError.write(
    Data("hiwaic-bench: no pack directory at \(waic.path) (usage: hiwaic-bench [PACK_DIR])\n".utf8))
  exit(2)
}
print("hiwaic-bench (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
// HIWAIC_BENCH=load,matcher,ask,planner,recommend,knowledge,fleet,interface,kiosk,import runs only those
// sections.
let sections = ProcessInfo.processInfo.environment["HIWAIC_BENCH"].map {
  Set($0.split(separator: ",").map(String.init))
}
func wanted(_ section: String) -> Bool { sections?.contains(section) ?? true }
print("== Issue 2: loading and indexing packs")
if wanted("load") { try benchLoad(name: "WAIC 2025 pack", directory: waic, runs: 30, target: 20) }

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
  "hiwaic-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: scratch) }
var generated: EventPack?
let generateTime = milliseconds { generated = SyntheticPackGenerator(scale: 10).generate() }
try PackWriter.write(generated!, to: scratch, pretty: false)
generated = nil
print(String(format: "gen-pack --scale 10: generated in %.0f ms", generateTime))
if wanted("load") {
  try benchLoad(name: "10x synthetic pack", directory: scratch, runs: 10, target: 150)
}
try FileManager.default.copyItem(
  at: waic.appendingPathComponent("lexicon"), to: scratch.appendingPathComponent("lexicon"))
print("")
if wanted("matcher") {
  try MatcherBench.run(waic: waic, scaled: scratch, repository: repository)
  print("")
}
if wanted("ask") {
  try AskBench.run(waic: waic, scaled: scratch, repository: repository)
  print("")
}
let optw =
  ProcessInfo.processInfo.environment["HIWAIC_OPTW"].map { URL(fileURLWithPath: $0) }
  ?? repository.deletingLastPathComponent().appendingPathComponent("shared/optw")
if wanted("planner") {
  print("== Issue 4: the route planner")
  try PersonalPlanBench.run(
    name: "WAIC 2025 pack", packDirectory: waic, start: "eh-1f-north",
    interests: ["robotics": 1, "foundation-models": 1])
  try PersonalPlanBench.run(
    name: "10x synthetic pack", packDirectory: scratch, start: "expo-entrance",
    interests: ["robotics": 1, "foundation-models": 1])
  print("(targets: under 20 ms on the WAIC pack, under 200 ms on the 10x pack)")
  if FileManager.default.fileExists(atPath: optw.path) {
    try PlannerBench.run(optwDirectory: optw, timeLimit: 1000)
    // The same with the wall-clock cap at the per-instance target: what a hard 100 ms costs.
    try PlannerBench.run(optwDirectory: optw, timeLimit: 95, perInstance: false)
  } else {
    print("== Issue 4: OPTW instances not found at \(optw.path) (set HIWAIC_OPTW)")
  }
  print("")
}
if wanted("recommend") {
  print("== Issue 14: intelligent matching")
  try RecommendBench.run(name: "WAIC 2025 pack", packDirectory: waic, rolesFrom: waic, target: 5)
  try RecommendBench.run(
    name: "10x synthetic pack", packDirectory: scratch, rolesFrom: waic, target: 50)
  print("")
}
if wanted("knowledge") {
  try KnowledgeBench.run(waic: waic)
  print("")
}
if wanted("fleet") {
  try await FleetBench.run(waic: waic)
  print("")
}
if wanted("interface") {
  try InterfaceBench.run(waic: waic)
  print("")
}
if wanted("kiosk") {
  try KioskBench.run(waic: waic)
  print("")
}
if wanted("import") { try ImportBench.run() }
print("peak resident memory of the whole run: \(megabytes(peakResidentBytes()))")
