import EventModel
import Foundation
import ScheduleImport

/// Issue 17's figure: importing a published schedule of 1,000 sessions (frab XML, the c3voc
/// JSON and pretalx's own JSON, made here in the shape CCC's and pretalx's exports have), from
/// bytes to a pack that loads.
enum ImportBench {
  static func run() throws {
    print("== Issue 17: importing a published schedule")
    for (name, data) in [
      ("schedule.xml", frabXML(sessions: 1_000)), ("schedule.json", scheduleJSON(sessions: 1_000)),
      ("pretalx widget JSON", pretalxJSON(sessions: 1_000)),
    ] {
      var readTimes: [Double] = []
      var wholeTimes: [Double] = []
      var sessions = 0
      for _ in 0..<7 {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
          "hiwaic-import-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var schedule: ImportedSchedule?
        let read = try milliseconds { schedule = try ScheduleImporter.read(data, source: name) }
        let whole =
          try read
          + milliseconds {
            guard let schedule else { return }
            try PackWriter.write(SchedulePackBuilder.pack(schedule), to: scratch, pretty: false)
            sessions = try PackLoader.load(from: scratch).pack.sessions.count
          }
        readTimes.append(read)
        wholeTimes.append(whole)
      }
      readTimes.sort()
      wholeTimes.sort()
      print(
        String(
          format:
            "%@ (%.1f MB, 1000 sessions): read %.0f ms, read + pack written + loaded %.0f ms (median of 7; target < 1000 ms); %d sessions in the pack",
          name, Double(data.count) / 1_048_576, readTimes[3], wholeTimes[3], sessions))
    }
  }

  /// 1,000 sessions over four days and twelve rooms, with persons, links and HTML abstracts.
  static func frabXML(sessions count: Int) -> Data {
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <schedule><version>bench</version><conference><acronym>bench</acronym>
      <title>Bench Congress</title><start>2026-12-27</start><end>2026-12-30</end><days>4</days>
      <base_url>https://bench.example.org/</base_url><time_zone_name>Europe/Berlin</time_zone_name>
      </conference>
      """
    let perDay = count / 4
    for day in 0..<4 {
      let date = "2026-12-\(27 + day)"
      xml += "<day index=\"\(day + 1)\" date=\"\(date)\" start=\"\(date)T04:00:00+01:00\">"
      for room in 0..<12 {
        xml += "<room name=\"Room \(room + 1)\">"
        for slot in 0..<(perDay / 12 + 1) {
          let number = day * perDay + room * (perDay / 12 + 1) + slot
          guard number < (day + 1) * perDay else { break }
          // Half-hour slots from 09:00: the last of the day's 21 ends by 20:00.
          let minutes = 9 * 60 + slot * 30
          let start = String(format: "%02d:%02d", minutes / 60, minutes % 60)
          xml += """
            <event guid="00000000-0000-4000-8000-\(String(format: "%012d", number))" id="\(number)">
            <room>Room \(room + 1)</room><title>Session \(number) on topic \(number % 17)</title>
            <subtitle>Part \(number % 3)</subtitle><type>lecture</type>
            <date>\(date)T\(start):00+01:00</date><start>\(start)</start><duration>00:40</duration>
            <abstract>&lt;p&gt;An abstract about &lt;b&gt;things&lt;/b&gt; &amp;amp; more.&lt;/p&gt;</abstract>
            <track>Track \(number % 9)</track><language>en</language>
            <description>**Details** for session \(number). [More](https://example.org/\(number))</description>
            <persons><person id="\(number % 700)">Speaker \(number % 700)</person></persons>
            <links><link href="/media/\(number).pdf">Slides</link></links>
            <url>events/\(number).html</url></event>
            """
        }
        xml += "</room>"
      }
      xml += "</day>"
    }
    xml += "</schedule>"
    return Data(xml.utf8)
  }

  /// The same schedule as the c3voc JSON.
  /// The same programme as pretalx's schedule widget loads it: flat lists joined by ids.
  static func pretalxJSON(sessions count: Int) -> Data {
    let perDay = max(1, count / 4)
    let talks = (0..<count).map { number -> [String: Any] in
      let date = "2026-12-\(27 + min(3, number / perDay))"
      let minutes = 9 * 60 + (number / 12 % 21) * 30
      let start = String(format: "%02d:%02d", minutes / 60, minutes % 60)
      let end = String(format: "%02d:%02d", (minutes + 40) / 60, (minutes + 40) % 60)
      return [
        "code": "T\(number)", "id": number, "title": ["en": "Session \(number)"],
        "abstract": "About **things**.", "speakers": ["S\(number % 700)"], "track": number % 9,
        "start": "\(date)T\(start):00+01:00", "end": "\(date)T\(end):00+01:00",
        "room": number % 12, "duration": 40, "content_locale": "en",
      ]
    }
    let object: [String: Any] = [
      "talks": talks, "version": "bench", "timezone": "Europe/Berlin",
      "event_start": "2026-12-27", "event_end": "2026-12-30",
      "tracks": (0..<9).map { ["id": $0, "name": ["en": "Track \($0)"]] },
      "rooms": (0..<12).map { ["id": $0, "name": ["en": "Room \($0 + 1)"]] },
      "speakers": (0..<700).map { ["code": "S\($0)", "name": "Speaker \($0)"] },
    ]
    return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
  }

  static func scheduleJSON(sessions count: Int) -> Data {
    let perDay = count / 4
    var days: [[String: Any]] = []
    for day in 0..<4 {
      let date = "2026-12-\(27 + day)"
      var rooms: [String: [[String: Any]]] = [:]
      for number in (day * perDay)..<((day + 1) * perDay) {
        let room = "Room \(number % 12 + 1)"
        let minutes = 9 * 60 + (number / 12 % 21) * 30
        let start = String(format: "%02d:%02d", minutes / 60, minutes % 60)
        rooms[room, default: []].append([
          "guid": "00000000-0000-4000-8000-\(String(format: "%012d", number))", "id": number,
          "date": "\(date)T\(start):00+01:00", "start": start, "duration": "00:40", "room": room,
          "title": "Session \(number)", "track": "Track \(number % 9)", "type": "lecture",
          "language": "en", "abstract": "<p>About <b>things</b>.</p>",
          "persons": [["id": number % 700, "public_name": "Speaker \(number % 700)"]],
          "links": [["url": "/media/\(number).pdf", "title": "Slides"]],
        ])
      }
      days.append([
        "index": day + 1, "date": date, "day_start": "\(date)T04:00:00+01:00", "rooms": rooms,
      ])
    }
    let object: [String: Any] = [
      "schedule": [
        "version": "bench", "base_url": "https://bench.example.org/",
        "conference": [
          "acronym": "bench", "title": "Bench Congress", "start": "2026-12-27", "end": "2026-12-30",
          "time_zone_name": "Europe/Berlin", "days": days,
        ],
      ]
    ]
    return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
  }
}
