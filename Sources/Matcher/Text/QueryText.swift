import EventModel
import Foundation

/// One unit of a question: a Latin word (folded, lower-case, plural "s" dropped), one Han
/// character (simplified), or a number such as "15:00" or "1.5".
struct Unit: Hashable, Sendable {
  enum Kind: Hashable, Sendable { case word, number, han }

  var text: String
  var kind: Kind
}

/// Splits text into units the same way for questions and for the pack's names, so that a name
/// matches whatever its case, width, script variant or plural.
struct Unitizer: Sendable {
  let hanzi: HanziTable

  /// Most characters a question may have; the rest is ignored (a 100 KB paste must stay fast).
  static let maximumScalars = 2_000

  func units(_ text: String) -> [Unit] {
    var units: [Unit] = []
    units.reserveCapacity(8)
    // The word so far as UTF-8 bytes (the same text as its scalars, without appending them one
    // by one to a string).
    var word: [UInt8] = []
    word.reserveCapacity(32)
    var wordHasDigit = false
    var wordIsAllDigits = true
    var needsFolding = false
    var previous: Unicode.Scalar = " "
    // The view's own iterator, counted: a `prefix` of the view checks every index it steps to,
    // a fifth of the time of cutting a short text.
    var scalars = text.unicodeScalars.makeIterator()
    var remaining = Self.maximumScalars
    var pending = scalars.next()

    func flush() {
      guard !word.isEmpty else { return }
      if !needsFolding && !wordHasDigit {
        // Lower-case ASCII letters: the plural dropped from the bytes, one string made.
        units.append(
          Unit(
            text: String(decoding: word.prefix(Self.stemmedCount(word)), as: UTF8.self),
            kind: .word))
        word.removeAll(keepingCapacity: true)
        wordIsAllDigits = true
        return
      }
      var text = String(decoding: word, as: UTF8.self)
      if needsFolding {
        text = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
          .lowercased()
      }
      if wordIsAllDigits || (wordHasDigit && text.contains(where: { $0 == ":" || $0 == "." })) {
        units.append(Unit(text: text, kind: .number))
      } else {
        units.append(Unit(text: Self.stem(text), kind: .word))
      }
      word.removeAll(keepingCapacity: true)
      wordHasDigit = false
      wordIsAllDigits = true
      needsFolding = false
    }

    while var scalar = pending {
      remaining -= 1
      pending = remaining > 0 ? scalars.next() : nil
      var value = scalar.value
      if value >= 0xFF01 && value <= 0xFF5E, let narrow = Unicode.Scalar(value - 0xFEE0) {
        scalar = narrow  // full-width ASCII
        value = scalar.value
      }
      if value < 0x80 {
        let isLetter = (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        let isDigit = value >= 0x30 && value <= 0x39
        if isLetter {
          word.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
          wordIsAllDigits = false
        } else if isDigit {
          word.append(UInt8(value))
          wordHasDigit = true
        } else if (value == 0x3A || value == 0x2E) && previous.properties.numericType != nil
          && previous.value < 0x80, let next = pending, next.value >= 0x30 && next.value <= 0x39
        {
          word.append(UInt8(value))  // 15:00, 1.5
        } else if value == 0x27 && !word.isEmpty {
          // An apostrophe inside a word: "where's" -> "wheres", "Alibaba's" -> "alibabas".
        } else {
          flush()
        }
      } else if Self.isHan(value) {
        flush()
        units.append(Unit(text: String(Character(hanzi.simplify(scalar))), kind: .han))
      } else if scalar.properties.isAlphabetic && !Self.isKanaOrHangul(value) {
        if let encoded = UTF8.encode(scalar) { word.append(contentsOf: encoded) }
        wordIsAllDigits = false
        needsFolding = true
      } else {
        flush()
      }
      previous = scalar
    }
    flush()
    return units
  }

  static func isHan(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0x20000...0x2EBEF).contains(value)
  }

  static func isKanaOrHangul(_ value: UInt32) -> Bool {
    (0x3040...0x30FF).contains(value) || (0xAC00...0xD7AF).contains(value)
  }

  /// English plural "s" dropped from longer words, so "forums" matches "forum" and "robots"
  /// "robot". Applied to names and questions alike, so it never has to be right, only the same.
  static func stem(_ word: String) -> String {
    let kept = stemmedCount(word.utf8)
    return kept == word.utf8.count ? word : String(decoding: word.utf8.prefix(kept), as: UTF8.self)
  }

  /// How many of a word's UTF-8 bytes `stem` keeps.
  static func stemmedCount(_ bytes: some BidirectionalCollection<UInt8>) -> Int {
    let count = bytes.count
    guard count >= 3, bytes.last == UInt8(ascii: "s") else { return count }
    let beforeLast = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
    if beforeLast == UInt8(ascii: "s") || beforeLast == UInt8(ascii: "u")
      || beforeLast == UInt8(ascii: "i")
    {
      return count
    }
    return count - 1
  }
}
