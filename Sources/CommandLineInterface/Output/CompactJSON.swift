import Assistant
import EventModel
import Foundation
import Matcher
import Planner
import TextLayout

/// One line of compact JSON with sorted keys, written straight into bytes: what `JSONEncoder`
/// writes with `.sortedKeys` and `.withoutEscapingSlashes`, for the record `hiwaic ask` prints
/// per question, where the encoder took longer than understanding the question. The tests hold
/// it to the encoder byte for byte.
struct CompactJSONWriter {
  private(set) var bytes: [UInt8] = []
  /// Per open object or array: whether it has a member yet.
  private var open: [Bool] = []

  private static let hexDigits = Array("0123456789abcdef".utf8)

  init() { bytes.reserveCapacity(1_024) }

  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      // Runs of bytes that need no escape go in at once.
      var runStart = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
        escape(byte)
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// A quote, a backslash or a C0 control, as the encoder escapes it.
  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
    case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
    case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
    case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
    default:
      bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
      bytes.append(Self.hexDigits[Int(byte >> 4)])
      bytes.append(Self.hexDigits[Int(byte & 0x0F)])
    }
  }

  /// A finite number as the encoder writes it: the shortest form that reads back, without a
  /// trailing ".0".
  mutating func number(_ value: Double) {
    // Whole numbers (minutes, metres) are most of them: written as integers, as the encoder
    // writes them, without the slower shortest-digits conversion. Zero keeps its sign that way.
    if value != 0, value.magnitude < 1e15, value.rounded(.towardZero) == value {
      bytes.append(contentsOf: String(Int(value)).utf8)
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  mutating func flag(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  /// Already encoded JSON, as it is.
  mutating func raw(_ json: String) { bytes.append(contentsOf: json.utf8) }

  mutating func beginObject() {
    bytes.append(UInt8(ascii: "{"))
    open.append(false)
  }

  /// A member's key; its value is written next. Keys must come in sorted order.
  mutating func key(_ name: String) {
    separate()
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func endObject() {
    open.removeLast()
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
    bytes.append(UInt8(ascii: "["))
    open.append(false)
    for element in elements {
      separate()
      write(&self, element)
    }
    open.removeLast()
    bytes.append(UInt8(ascii: "]"))
  }

  /// A comma before every member or element but the first of its container.
  private mutating func separate() {
    guard let last = open.indices.last else { return }
    if open[last] { bytes.append(UInt8(ascii: ",")) }
    open[last] = true
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension AskRecord {
  /// The record on one line, as `OutputFormatting.jsonLine` writes it but several times faster.
  func jsonLine() throws -> String {
    guard let json = try written() else { return try OutputFormatting.jsonLine(self) }
    return TerminalText.escapingJSON(json.text)
  }

  /// The same line as UTF-8 bytes, for standard output: a line with nothing to escape (almost
  /// every one) is never made into a string.
  func jsonLineBytes() throws -> [UInt8] {
    guard let json = try written() else { return Array(try OutputFormatting.jsonLine(self).utf8) }
    let unsafe = json.bytes.withUnsafeBufferPointer {
      TerminalText.hasUnsafe(utf8: $0, lineBreaks: true)
    }
    return unsafe ? Array(TerminalText.escapingJSON(json.text).utf8) : json.bytes
  }

  /// The record written, or nil when a number in it is one JSON cannot hold (the encoder
  /// reports it).
  private func written() throws -> CompactJSONWriter? {
    let answer = reply.answer
    let numbersAreFinite =
      answer.confidence.isFinite && (plan?.numbersAreFinite ?? true)
      && (directions?.numbersAreFinite ?? true)
      && answer.slots.values.allSatisfy {
        if case .number(let number) = $0 { return number.isFinite }
        return true
      }
    // The encoder reports a number JSON cannot hold; leave that to it.
    guard numbersAreFinite else { return nil }
    var json = CompactJSONWriter()
    json.beginObject()
    json.key("answer")
    json.string(answer.answer)
    json.key("confidence")
    json.number(answer.confidence)
    if let directions {
      json.key("directions")
      directions.write(into: &json)
    }
    json.key("entities")
    json.array(answer.entities) { json, entity in
      json.beginObject()
      json.key("id")
      json.string(entity.id)
      json.key("name")
      json.string(entity.name)
      json.key("type")
      json.string(entity.type.rawValue)
      json.endObject()
    }
    json.key("intent")
    json.string(answer.intent.rawValue)
    json.key("language")
    json.string(answer.language.rawValue)
    if let plan {
      json.key("plan")
      plan.write(into: &json)
    }
    if let start = reply.plan?.startReason {
      json.key("planStart")
      json.string(start.rawValue)
    }
    json.key("question")
    json.string(answer.question)
    json.key("slots")
    json.beginObject()
    for name in answer.slots.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      json.key(name)
      switch answer.slots[name] {
      case .flag(let flag): json.flag(flag)
      case .text(let text): json.string(text)
      case .number(let number): json.number(number)
      case .list(let list): json.array(list) { $0.string($1) }
      case nil: json.raw("null")
      }
    }
    json.endObject()
    json.key("suggestions")
    json.array(answer.suggestions) { $0.string($1) }
    json.key("text")
    json.string(reply.text)
    json.endObject()
    return json
  }
}

// The plan and the way, written as the encoder writes them (keys sorted): encoding them took a
// quarter of a plan question's time.
extension PlanRecord {
  func write(into json: inout CompactJSONWriter) {
    json.beginObject()
    json.key("budgetMinutes")
    json.number(budgetMinutes)
    json.key("finish")
    json.string(finish)
    json.key("id")
    json.string(id)
    json.key("leftOut")
    json.array(leftOut) { json, item in
      json.beginObject()
      json.key("id")
      json.string(item.id)
      json.key("reason")
      json.string(item.reason.rawValue)
      if let with = item.with {
        json.key("with")
        json.string(with)
      }
      json.endObject()
    }
    json.key("name")
    json.string(name)
    json.key("optimal")
    json.flag(optimal)
    json.key("provenance")
    provenance.write(into: &json)
    json.key("score")
    json.number(score)
    json.key("start")
    json.string(start)
    json.key("stepFree")
    json.flag(stepFree)
    json.key("stops")
    json.array(stops) { json, stop in
      json.beginObject()
      json.key("arrival")
      json.string(stop.arrival)
      json.key("id")
      json.string(stop.id)
      json.key("kind")
      json.string(stop.kind)
      json.key("leave")
      json.string(stop.leave)
      json.key("name")
      json.string(stop.name)
      json.key("node")
      json.string(stop.node)
      json.key("score")
      json.number(stop.score)
      json.key("start")
      json.string(stop.start)
      json.key("waitMinutes")
      json.number(stop.waitMinutes)
      json.key("walkMetres")
      json.number(stop.walkMetres)
      json.key("walkMinutes")
      json.number(stop.walkMinutes)
      json.endObject()
    }
    json.key("walkingMetres")
    json.number(walkingMetres)
    json.key("walkingMinutes")
    json.number(walkingMinutes)
    json.endObject()
  }

  /// Whether every number is one JSON can hold (else the encoder, which reports it, writes it).
  var numbersAreFinite: Bool {
    [budgetMinutes, score, walkingMetres, walkingMinutes].allSatisfy(\.isFinite)
      && stops.allSatisfy {
        [$0.score, $0.waitMinutes, $0.walkMetres, $0.walkMinutes].allSatisfy(\.isFinite)
      }
  }
}

extension DirectionsRecord {
  func write(into json: inout CompactJSONWriter) {
    json.beginObject()
    json.key("from")
    json.string(from)
    json.key("id")
    json.string(id)
    json.key("legs")
    json.array(legs) { json, leg in
      json.beginObject()
      json.key("floor")
      json.string(leg.floor)
      json.key("from")
      json.string(leg.from)
      json.key("metres")
      json.number(leg.metres)
      json.key("minutes")
      json.number(leg.minutes)
      json.key("mode")
      json.string(leg.mode.rawValue)
      json.key("to")
      json.string(leg.to)
      json.key("via")
      json.array(leg.via) { $0.string($1) }
      json.endObject()
    }
    json.key("metres")
    json.number(metres)
    json.key("minutes")
    json.number(minutes)
    json.key("name")
    json.string(name)
    json.key("nodes")
    json.array(nodes) { $0.string($1) }
    json.key("provenance")
    provenance.write(into: &json)
    json.key("stepFree")
    json.flag(stepFree)
    json.key("to")
    json.string(to)
    json.endObject()
  }

  /// Whether every number is one JSON can hold.
  var numbersAreFinite: Bool {
    metres.isFinite && minutes.isFinite
      && legs.allSatisfy { $0.metres.isFinite && $0.minutes.isFinite }
  }
}

extension Provenance {
  func write(into json: inout CompactJSONWriter) {
    json.beginObject()
    json.key("modelled")
    json.array(modelled) { $0.string($1) }
    if let note {
      json.key("note")
      json.string(note)
    }
    json.key("sources")
    json.array(sources) { $0.string($1) }
    json.endObject()
  }
}
