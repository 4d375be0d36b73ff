import EventModel

/// The fixed words of text output, in English and Chinese.
struct Labels {
  let language: Language

  private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

  var name: String { pick("Name", "名称") }
  var chineseName: String { pick("Chinese", "中文名") }
  var englishName: String { pick("English", "英文名") }
  var pavilion: String { pick("Pavilion", "展馆") }
  var booth: String { pick("Booth", "展位") }
  var topics: String { pick("Topics", "主题") }
  var time: String { pick("Time", "时间") }
  var session: String { pick("Session", "活动") }
  var room: String { pick("Room", "地点") }
  var speakers: String { pick("Speakers", "嘉宾") }
  var kind: String { pick("Kind", "类型") }
  var theme: String { pick("Theme", "主题") }
  var dates: String { pick("Dates", "日期") }
  var venues: String { pick("Venues", "场馆") }
  var pavilions: String { pick("Pavilions", "展馆") }
  var keyFigures: String { pick("Key figures", "关键数字") }
  var pack: String { pick("Pack", "数据包") }
  var stops: String { pick("stops", "站") }
  var minutes: String { pick("min", "分钟") }
  var route: String { pick("Route", "路线") }
  var distance: String { pick("Distance", "距离") }
  var duration: String { pick("Duration", "时长") }
  var nothingFound: String { pick("Nothing found.", "没有找到。") }
  var approximateNote: String {
    pick(
      "~ approximate: modelled, not from an official source.",
      "~ 表示约略位置或时间：为模拟数据，并非官方信息。")
  }
  var syntheticNote: String {
    pick(
      "SYNTHETIC PACK: generated test data, not a real event.",
      "合成数据包：生成的测试数据，并非真实活动。")
  }

  /// "3 sessions" or "3 场活动"; `plural` for English words that do not just add "s".
  func count(_ number: Int, _ en: String, _ zh: String, plural: String? = nil) -> String {
    if language == .zh { return "\(number) \(zh)" }
    return "\(number) \(number == 1 ? en : plural ?? en + "s")"
  }

  /// "Sat 26 July" or "7月26日 周六".
  func date(_ day: LocalDate) -> String {
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

  func sessionKind(_ kind: SessionKind) -> String {
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
}
