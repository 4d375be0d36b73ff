import EventModel
import Foundation
import Testing

@testable import PackGenerator

@Suite("Synthetic packs")
struct SyntheticPackTests {
  @Test("scale 1 has WAIC's size, is marked synthetic and passes validation after a round trip")
  func scaleOne() throws {
    let pack = SyntheticPackGenerator(scale: 1).generate()
    #expect(pack.exhibitors.count == 800)
    #expect(pack.sessions.count == 100)
    #expect(pack.manifest.synthetic)
    #expect(pack.exhibitors.allSatisfy { $0.provenance.sources == ["synthetic:hiwaic-gen-pack"] })
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-gen-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try PackWriter.write(pack, to: directory, pretty: false)
    let check = PackLoader.check(directory: directory)
    #expect(check.issues.isEmpty, "\(check.issues.prefix(5))")
    #expect(check.catalog?.pack == pack)
  }

  @Test("scale 3 grows every part and stays valid")
  func scaleThree() throws {
    let pack = SyntheticPackGenerator(scale: 3).generate()
    #expect(pack.exhibitors.count == 2400)
    #expect(pack.sessions.count == 300)
    #expect(Set(pack.exhibitors.map(\.id)).count == 2400)
    #expect(Set(pack.exhibitors.map { $0.name.text(.en) }).count == 2400, "names are unique")
    let catalog = EventCatalog(pack: pack)
    #expect(catalog.pack.venues.halls.count == 25)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-gen-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try PackWriter.write(pack, to: directory, pretty: false)
    #expect(PackLoader.check(directory: directory).errors.isEmpty)
  }

  @Test("the same seed gives the same pack; another seed another")
  func determinism() {
    let a = SyntheticPackGenerator(scale: 1, seed: 7).generate()
    let b = SyntheticPackGenerator(scale: 1, seed: 7).generate()
    let c = SyntheticPackGenerator(scale: 1, seed: 8).generate()
    #expect(a == b)
    #expect(a.exhibitors.map(\.name) != c.exhibitors.map(\.name))
  }

  @Test("SplitMix64 gives its published first outputs")
  func randomSequence() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
  }
}
