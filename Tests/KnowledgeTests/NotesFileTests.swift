import EventModel
import Foundation
import Testing

@testable import Knowledge

@Suite("Notes files: WebVTT, SubRip, text and Q&A, and broken ones located")
struct NotesFileTests {
  func read(_ text: String, _ name: String, format: NotesFormat? = nil) throws -> ParsedNotes {
    try NotesFileReader.read(Data(text.utf8), fileName: name, format: format)
  }

  @Test("WebVTT with a BOM, CRLF, a header, NOTE and STYLE blocks, cue settings, voices and tags")
  func webVTT() throws {
    let text =
      "\u{FEFF}WEBVTT - keynote\r\nKind: captions\r\n\r\nNOTE written for this test\r\n\r\n"
      + "STYLE\r\n::cue { color: yellow }\r\n\r\nintro\r\n00:00:01.000 --> 00:00:04.500 align:start position:10%\r\n"
      + "<v Geoffrey Hinton>We should <b>take</b> AI safety\r\nseriously &amp; soon.\r\n\r\n"
      + "01:02.000 --> 01:05.250\r\n<c.yellow>大模型</c>需要<i>安全</i>\r\n治理\r\n"
    let notes = try read(text, "keynote.vtt")
    #expect(notes.kind == .talk)
    #expect(notes.pieces.count == 2)
    #expect(notes.pieces[0].text == "We should take AI safety seriously & soon.")
    #expect(notes.pieces[0].speaker == "Geoffrey Hinton")
    #expect(notes.pieces[0].startMilliseconds == 1_000)
    #expect(notes.pieces[0].endMilliseconds == 4_500)
    #expect(notes.pieces[1].text == "大模型需要安全治理")
    #expect(notes.pieces[1].startMilliseconds == 62_000)
  }

  @Test("SubRip with numbers, style overrides, a full stop for a comma, and CR line ends")
  func subRip() throws {
    let text =
      "1\r00:00:01,000 --> 00:00:02,000 X1:10 X2:100\r{\\an8}Hello <font color=\"red\">everyone</font>\r\r"
      + "2\r00:00:03.000 --> 00:00:05,000\rGuten Tag\r"
    let notes = try read(text, "talk.srt")
    #expect(notes.pieces.map(\.text) == ["Hello everyone", "Guten Tag"])
    #expect(notes.pieces[1].startMilliseconds == 3_000)
  }

  @Test(
    "broken subtitles are refused at their line, whole",
    arguments: [
      ("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhi\n", "a.vtt", 3, "is not a time"),
      ("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nhi\n", "a.vtt", 3, "ends before it starts"),
      (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nhi\n\n00:00:04.000 --> 00:00:06.000\nho\n",
        "a.vtt", 6, "overlaps"
      ),
      (
        "1\n00:00:05,000 --> 00:00:06,000\nhi\n\n2\n00:00:01,000 --> 00:00:02,000\nho\n", "a.srt",
        6,
        "starts before"
      ),
      ("1\n00:00:01,000 -> 00:00:02,000\nhi\n", "a.srt", 1, "time line"),
      ("not a header\n\n00:00:01.000 --> 00:00:02.000\nhi\n", "a.vtt", 1, "WEBVTT"),
      ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n", "a.vtt", nil, "no text"),
    ] as [(String, String, Int?, String)])
  func broken(text: String, name: String, line: Int?, says: String) {
    #expect {
      _ = try read(text, name)
    } throws: { error in
      guard let error = error as? NotesFileError else { return false }
      return error.line == line && error.message.contains(says) && error.file == name
    }
  }

  @Test("a file that is not UTF-8 names the line of the first bad byte")
  func encoding() {
    var data = Data("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n".utf8)
    data.append(contentsOf: [0x68, 0xE9, 0x0A])  // Latin-1 "hé"
    #expect {
      _ = try NotesFileReader.read(data, fileName: "latin1.vtt")
    } throws: { error in
      (error as? NotesFileError)?.line == 4
        && (error as? NotesFileError)?.message.contains("UTF-8") == true
    }
  }

  @Test("a file over the limit is refused before it is read as text")
  func tooLarge() {
    let data = Data(count: NotesFileReader.maximumBytes + 1)
    #expect(throws: NotesFileError.self) { _ = try NotesFileReader.read(data, fileName: "big.srt") }
  }

  @Test("plain text and Markdown: paragraphs, speakers by name, marks taken off")
  func plainText() throws {
    let text = """
      # Main forum

      Li Qiang: **Governance** should be
      shared by all countries.

      - 我们要加强合作。
      """
    let notes = try read(text, "notes.md")
    #expect(
      notes.pieces.map(\.text) == [
        "Main forum", "Governance should be shared by all countries.", "我们要加强合作。",
      ])
    #expect(notes.pieces[1].speaker == "Li Qiang")
    #expect(notes.pieces[1].line == 3)
  }

  @Test("Q&A rounds in three languages, with asker, answerer and time; broken rounds located")
  func questionsAndAnswers() throws {
    let text = """
      # Q&A after the keynote
      Q: Will open source make AI less safe?
      Asker: student
      A: Open weights let many people check them,
      but also misuse them.
      By: Geoffrey Hinton
      At: 42:10

      问：大模型会取代程序员吗？
      答：不会，但会改变工作方式。
      Frage: Wie reguliert man KI?
      Antwort: Gemeinsam.
      """
    let notes = try read(text, "keynote.qa")
    #expect(notes.kind == .qa)
    #expect(
      notes.pieces.map(\.role) == [.question, .answer, .question, .answer, .question, .answer])
    #expect(notes.pieces[0].asker == "student")
    #expect(notes.pieces[1].speaker == "Geoffrey Hinton")
    #expect(
      notes.pieces[1].text == "Open weights let many people check them, but also misuse them.")
    #expect(notes.pieces[1].startMilliseconds == 2_530_000)
    #expect(notes.pieces[3].text == "不会，但会改变工作方式。")
    for (broken, line) in [("A: an answer first\n", 1), ("Q: fine\nAt: noon\n", 2), ("hello\n", 1)]
    {
      #expect {
        _ = try read(broken, "x.qa")
      } throws: { ($0 as? NotesFileError)?.line == line }
    }
  }

  @Test("the format comes from the name, or from a WebVTT or SubRip first line")
  func detection() {
    #expect(NotesFormat.detect(fileName: "a.VTT", contents: "") == .vtt)
    #expect(NotesFormat.detect(fileName: "a.txt", contents: "WEBVTT\n") == .vtt)
    #expect(
      NotesFormat.detect(fileName: "a", contents: "1\n00:00:01,000 --> 00:00:02,000\n") == .srt)
    #expect(NotesFormat.detect(fileName: "round.qa", contents: "") == .qa)
    #expect(NotesFormat.detect(fileName: "talk.md", contents: "# Title") == .text)
  }

  @Test("garbage never traps the readers: every result is notes or a located error")
  func fuzz() {
    var generator = SplitMix64(seed: 15)
    let alphabet = Array("WEBVTT0123456789:,.-> \n\r<>v{}\\&;QA问答：#é中")
    for round in 0..<3_000 {
      let length = Int.random(in: 0..<200, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      let name = ["x.vtt", "x.srt", "x.qa", "x.txt"][round % 4]
      do {
        let notes = try NotesFileReader.read(Data(text.utf8), fileName: name)
        #expect(!notes.pieces.isEmpty)
      } catch {
        #expect(!error.message.isEmpty)
      }
    }
  }
}
