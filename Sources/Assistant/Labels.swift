import EventModel
import Foundation

/// The fixed words of text output, in English and Chinese.
public struct Labels: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

  public var name: String { pick("Name", "名称") }
  public var chineseName: String { pick("Chinese", "中文名") }
  public var englishName: String { pick("English", "英文名") }
  public var pavilion: String { pick("Pavilion", "展馆") }
  public var booth: String { pick("Booth", "展位") }
  public var topics: String { pick("Topics", "主题") }
  public var time: String { pick("Time", "时间") }
  public var session: String { pick("Session", "活动") }
  public var room: String { pick("Room", "地点") }
  public var speakers: String { pick("Speakers", "嘉宾") }
  public var kind: String { pick("Kind", "类型") }
  public var theme: String { pick("Theme", "主题") }
  public var dates: String { pick("Dates", "日期") }
  public var venues: String { pick("Venues", "场馆") }
  public var pavilions: String { pick("Pavilions", "展馆") }
  public var keyFigures: String { pick("Key figures", "关键数字") }
  public var pack: String { pick("Pack", "数据包") }
  public var stops: String { pick("stops", "站") }
  public var minutes: String { pick("min", "分钟") }
  public var route: String { pick("Route", "路线") }
  public var distance: String { pick("Distance", "距离") }
  public var duration: String { pick("Duration", "时长") }
  public var nothingFound: String { pick("Nothing found.", "没有找到。") }
  public var approximateNote: String {
    pick(
      "~ approximate: modelled, not from an official source.",
      "~ 表示约略位置或时间：为模拟数据，并非官方信息。")
  }
  public var syntheticNote: String {
    pick(
      "SYNTHETIC PACK: generated test data, not a real event.",
      "合成数据包：生成的测试数据，并非真实活动。")
  }

  /// "3 sessions" or "3 场活动"; `plural` for English words that do not just add "s".
  public func count(_ number: Int, _ en: String, _ zh: String, plural: String? = nil) -> String {
    if language == .zh { return "\(number) \(zh)" }
    return "\(number) \(number == 1 ? en : plural ?? en + "s")"
  }

  /// "Sat 26 July" or "7月26日 周六".
  public func date(_ day: LocalDate) -> String {
    let weekday = day.weekday
    if language == .zh {
      let names = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"]
      return "\(day.month)月\(day.day)日 \(names[weekday])"
    }
    let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    return "\(names[weekday]) \(day.day) \(months[day.month - 1])"
  }

  public func sessionKind(_ kind: SessionKind) -> String {
    switch kind {
    case .ceremony: pick("ceremony", "仪式")
    case .plenary: pick("plenary", "全体会议")
    case .forum: pick("forum", "论坛")
    case .roundtable: pick("roundtable", "圆桌")
    case .launch: pick("launch", "发布")
    case .exchange: pick("exchange", "交流")
    case .evening: pick("evening", "晚间活动")
    case .gala: pick("gala", "晚会")
    }
  }

  public func facility(_ kind: FacilityKind) -> String {
    switch kind {
    case .restroom: pick("Restroom", "洗手间")
    case .accessibleRestroom: pick("Accessible restroom", "无障碍洗手间")
    case .food: pick("Food", "餐饮")
    case .water: pick("Drinking water", "饮水点")
    case .firstAid: pick("First aid", "医疗点")
    case .lostAndFound: pick("Lost and found", "失物招领")
    case .infoDesk: pick("Information desk", "咨询台")
    case .cloakroom: pick("Cloakroom", "衣帽间")
    case .charging: pick("Charging", "充电")
    case .nursing: pick("Nursing room", "母婴室")
    case .prayer: pick("Prayer room", "祈祷室")
    case .shuttle: pick("Shuttle", "接驳车")
    case .taxi: pick("Taxi", "出租车")
    }
  }

  /// "850 m" or "1.2 km".
  public static func distance(_ metres: Double) -> String {
    metres >= 1000 ? String(format: "%.1f km", metres / 1000) : "\(metres.roundedInt) m"
  }
}
