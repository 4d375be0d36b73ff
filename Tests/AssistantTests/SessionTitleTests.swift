import EventModel
import Foundation
import PackGenerator
import Testing

@testable import Assistant

@Suite("Session titles, folded and indexed")
struct SessionTitleTests {
  static let packs: [EventCatalog] = [
    AssistantFixture.assistant.catalog,
    EventCatalog(pack: SyntheticPackGenerator(scale: 2).generate()),
    ImportedPackFixture.assistant.catalog,
  ]

  @Test("a folded title's words are what lies between letters and digits, found on the bytes")
  func words() {
    for catalog in Self.packs {
      for session in catalog.pack.sessions {
        for text in session.title.allTexts {
          let folded = TextFolding.fold(text)
          let byCharacters = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
          #expect(SessionTitleCache.FoldedTitle.words(of: folded) == byCharacters, "\(text)")
        }
      }
      for odd in ["", " ", "  a  b ", "ai-芯片 2025", "Ünïcode  Fest"] {
        let folded = TextFolding.fold(odd)
        #expect(
          SessionTitleCache.FoldedTitle.words(of: folded)
            == folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }), "\(odd)")
      }
    }
  }

  @Test("the word index finds exactly the titles a scan of every title finds")
  func index() {
    for catalog in Self.packs {
      let cache = SessionTitleCache(catalog: catalog)
      let all = catalog.pack.sessions.indices
      var asked = Set<String>()
      for position in all {
        for title in cache.title(at: position) {
          for word in title.words { asked.insert(String(word)) }
          // Han text: every run of two and three characters.
          let characters = Array(title.text)
          for length in 2...3 where characters.count >= length {
            for start in 0...(characters.count - length) {
              let part = String(characters[start..<(start + length)])
              if part.unicodeScalars.allSatisfy(\.properties.isIdeographic) { asked.insert(part) }
            }
          }
        }
      }
      asked.formUnion(["nothing-here", "没有", "x"])
      for text in asked {
        let word = Assistant.TitleWord(text)
        let scanned = all.filter { position in
          let titles = cache.title(at: position)
          return word.isHan
            ? titles.contains { $0.text.contains(text) }
            : titles.contains { $0.words.contains { $0 == text } }
        }
        #expect(cache.sessions(having: word) == scanned, "\(text)")
      }
    }
  }
}
