import EventModel
import Testing

@Suite("Numbers for strings")
struct StringNumberingTests {
  @Test("numbers in the order first seen, the same number for the same string")
  func firstSeenOrder() {
    var numbering = StringNumbering()
    let numbers = ["core", "terminals", "core", "", "terminals", "连接"].map {
      numbering.number($0)
    }
    #expect(numbers == [0, 1, 0, 2, 1, 3])
    #expect(numbering.strings == ["core", "terminals", "", "连接"])
  }

  @Test("a catalog numbers its exhibitors' pavilions so that each number gives back the id")
  func pavilionsOfACatalog() throws {
    let catalog = try PackLoader.load(from: Fixtures.waic)
    for (position, exhibitor) in catalog.pack.exhibitors.enumerated() {
      let number = Int(catalog.exhibitorPavilionNumber[position])
      #expect(catalog.exhibitorPavilions[number] == exhibitor.pavilion)
    }
    #expect(Set(catalog.exhibitorPavilions).count == catalog.exhibitorPavilions.count)
  }
}
