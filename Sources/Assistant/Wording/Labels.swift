import EventModel
import Foundation

/// The fixed words of text output, in English, Chinese and German.
public struct Labels: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  private func pick(_ en: String, _ zh: String, _ de: String) -> String {
    language.choose(en, zh, de)
  }

  public var name: String { pick("Name", "名称", "Name") }
  public var chineseName: String { pick("Chinese", "中文名", "Chinesisch") }
  public var englishName: String { pick("English", "英文名", "Englisch") }
  public var pavilion: String { pick("Pavilion", "展馆", "Pavillon") }
  public var booth: String { pick("Booth", "展位", "Stand") }
  public var topics: String { pick("Topics", "主题", "Themen") }
  public var time: String { pick("Time", "时间", "Zeit") }
  public var session: String { pick("Session", "活动", "Sitzung") }
  public var room: String { pick("Room", "地点", "Raum") }
  public var speakers: String { pick("Speakers", "嘉宾", "Redner") }
  public var kind: String { pick("Kind", "类型", "Art") }
  public var theme: String { pick("Theme", "主题", "Motto") }
  public var dates: String { pick("Dates", "日期", "Daten") }
  public var venues: String { pick("Venues", "场馆", "Veranstaltungsorte") }
  public var pavilions: String { pick("Pavilions", "展馆", "Pavillons") }
  public var keyFigures: String { pick("Key figures", "关键数字", "Kennzahlen") }
  public var pack: String { pick("Pack", "数据包", "Datenpaket") }
  public var stops: String { pick("stops", "站", "Stationen") }
  public var minutes: String { pick("min", "分钟", "Min.") }
  public var route: String { pick("Route", "路线", "Route") }
  public var distance: String { pick("Distance", "距离", "Entfernung") }
  public var duration: String { pick("Duration", "时长", "Dauer") }
  public var nothingFound: String { pick("Nothing found.", "没有找到。", "Nichts gefunden.") }
  public var approximateNote: String {
    pick(
      "~ approximate: modelled, not from an official source.",
      "~ 表示约略位置或时间：为模拟数据，并非官方信息。",
      "~ ungefähr: modelliert, nicht aus einer offiziellen Quelle.")
  }
  public var syntheticNote: String {
    pick(
      "SYNTHETIC PACK: generated test data, not a real event.",
      "合成数据包：生成的测试数据，并非真实活动。",
      "SYNTHETISCHES DATENPAKET: erzeugte Testdaten, keine echte Veranstaltung.")
  }

  /// "3 sessions", "3 场活动" or "3 Sitzungen"; `plural` for English words that do not just add
  /// "s"; German gives both forms.
  public func count(
    _ number: Int, _ en: String, _ zh: String, _ de: (one: String, many: String),
    plural: String? = nil
  ) -> String {
    switch language {
    case .zh: "\(number) \(zh)"
    case .de: "\(number) \(number == 1 ? de.one : de.many)"
    case .en: "\(number) \(number == 1 ? en : plural ?? en + "s")"
    }
  }

  /// "Sat 26 July", "7月26日 周六" or "Sa, 26. Juli".
  public func date(_ day: LocalDate) -> String {
    switch language {
    case .zh: "\(day.dayAndMonth(.zh)) \(day.weekdayName(.zh))"
    case .de: "\(day.weekdayName(.de, short: true)), \(day.dayAndMonth(.de))"
    case .en: "\(day.weekdayName(.en, short: true)) \(day.dayAndMonth(.en))"
    }
  }

  public func sessionKind(_ kind: SessionKind) -> String {
    switch kind {
    case .ceremony: pick("ceremony", "仪式", "Zeremonie")
    case .plenary: pick("plenary", "全体会议", "Plenum")
    case .forum: pick("forum", "论坛", "Forum")
    case .roundtable: pick("roundtable", "圆桌", "Runder Tisch")
    case .launch: pick("launch", "发布", "Vorstellung")
    case .exchange: pick("exchange", "交流", "Austausch")
    case .evening: pick("evening", "晚间活动", "Abendveranstaltung")
    case .gala: pick("gala", "晚会", "Gala")
    case .talk: pick("talk", "演讲", "Vortrag")
    case .workshop: pick("workshop", "工作坊", "Workshop")
    case .meetup: pick("meet-up", "聚会", "Treffen")
    case .other: pick("session", "活动", "Veranstaltung")
    }
  }

  public func facility(_ kind: FacilityKind) -> String {
    switch kind {
    case .restroom: pick("Restroom", "洗手间", "Toilette")
    case .accessibleRestroom: pick("Accessible restroom", "无障碍洗手间", "Barrierefreie Toilette")
    case .food: pick("Food", "餐饮", "Essen")
    case .water: pick("Drinking water", "饮水点", "Trinkwasser")
    case .firstAid: pick("First aid", "医疗点", "Erste Hilfe")
    case .lostAndFound: pick("Lost and found", "失物招领", "Fundbüro")
    case .infoDesk: pick("Information desk", "咨询台", "Information")
    case .cloakroom: pick("Cloakroom", "衣帽间", "Garderobe")
    case .charging: pick("Charging", "充电", "Laden")
    case .nursing: pick("Nursing room", "母婴室", "Stillraum")
    case .prayer: pick("Prayer room", "祈祷室", "Gebetsraum")
    case .shuttle: pick("Shuttle", "接驳车", "Shuttle")
    case .taxi: pick("Taxi", "出租车", "Taxi")
    }
  }

  /// "850 m" or "1.2 km" ("1,2 km" in German, which writes a decimal comma).
  public static func distance(_ metres: Double, language: Language = .en) -> String {
    metres >= 1000
      ? "\(decimal(metres / 1000, language: language)) km" : "\(metres.roundedInt) m"
  }

  /// A number to one decimal as the language writes it: "1.6", in German "1,6".
  public static func decimal(_ value: Double, language: Language) -> String {
    let text = value.oneDecimal
    return language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}
