import EventModel
import Foundation
import Planner

/// The timeline of a plan, for people.
public struct PlanTimeline: Sendable {
  public let catalog: EventCatalog
  public let language: Language

  public init(catalog: EventCatalog, language: Language) {
    self.catalog = catalog
    self.language = language
  }

  func t(
    _ en: @autoclosure () -> String, _ zh: @autoclosure () -> String,
    _ de: @autoclosure () -> String
  ) -> String { language.choose(en(), zh(), de()) }

  /// Text in brackets as the language writes them: full-width in Chinese.
  func aside(_ text: String) -> String { language == .zh ? "（\(text)）" : "(\(text))" }

  /// Why a session is left out that is on another day (`day`, when known).
  func otherDay(_ day: String?) -> String {
    guard let day else {
      return t("is on another day", "不在当天", "ist an einem anderen Tag")
    }
    return t(
      "is on \(day), not the plan's day", "在\(day)，不是行程当天", "ist am \(day), nicht am Tag des Plans")
  }

  /// Why a session is left out that overlaps another (`other`, by title, when known).
  func clash(_ other: String?) -> String {
    guard let other else {
      return t(
        "clashes with another session", "与其他活动时间冲突", "überschneidet sich mit einer anderen Sitzung")
    }
    return t("clashes with \(other)", "与\(other)时间冲突", "überschneidet sich mit \(other)")
  }

  public func render(_ plan: VisitPlan, request: VisitRequest) -> String {
    let zone = catalog.timeZone
    let writer = DirectionsWriter(catalog: catalog, language: language)
    let clock = { (date: Date) in EventTime.clockTime(date, zone: zone) }
    let labels = Labels(language: language)
    let day = labels.date(EventTime.localDate(request.startTime, zone: zone))
    // A pack without a floor plan: sessions only, and no walk is claimed.
    if catalog.pack.walkways.nodes.isEmpty {
      return renderSessions(plan, request: request, day: day, labels: labels)
    }
    var lines = [
      t(
        "Plan for \(request.budgetMinutes.truncatedInt) min from \(writer.place(request.start)), \(day) \(clock(request.startTime))\(request.stepFree ? " (step-free)" : "")",
        "\(day) \(clock(request.startTime)) 从\(writer.place(request.start))出发，共\(request.budgetMinutes.truncatedInt)分钟\(request.stepFree ? "（无障碍）" : "")",
        "Plan für \(request.budgetMinutes.truncatedInt) Min. ab \(writer.place(request.start)), \(day) \(clock(request.startTime))\(request.stepFree ? " (stufenlos)" : "")"
      )
    ]
    for stop in plan.stops {
      let minutes = stop.walkMinutes < 0.5 ? t("<1", "不到1", "<1") : "\(stop.walkMinutes.roundedInt)"
      let walk =
        stop.walkMetres < 1
        ? t("next door", "就在旁边", "gleich nebenan")
        : t(
          "walk \(minutes) min, \(stop.walkMetres.roundedInt) m",
          "步行\(minutes)分钟，\(stop.walkMetres.roundedInt)米",
          "\(minutes) Min. gehen, \(stop.walkMetres.roundedInt) m")
      let wait =
        stop.waitMinutes >= 1
        ? t(
          ", wait \(stop.waitMinutes.roundedInt) min", "，等候\(stop.waitMinutes.roundedInt)分钟",
          ", \(stop.waitMinutes.roundedInt) Min. warten"
        ) : ""
      switch stop.kind {
      case .exhibitor:
        let exhibitor = catalog.exhibitor(stop.id)
        let booth = exhibitor?.booth ?? ""
        lines.append(
          "\(clock(stop.start))–\(clock(stop.leave))  ~\(booth) \(exhibitor?.name.text(language) ?? stop.id)  \(aside(walk + wait))"
        )
      case .session:
        let session = catalog.session(stop.id)
        lines.append(
          "\(clock(stop.start))–\(clock(stop.leave))  \(session.map(title) ?? stop.id) — \(session.map(room) ?? "")  \(aside(walk + wait))"
        )
      }
    }
    lines.append(
      t(
        "\(clock(plan.finish))  end at \(writer.place(plan.end)) (walk \(plan.endWalkMinutes.roundedInt) min)",
        "\(clock(plan.finish))  到达终点\(writer.place(plan.end))（步行\(plan.endWalkMinutes.roundedInt)分钟）",
        "\(clock(plan.finish))  Ende bei \(writer.place(plan.end)) (\(plan.endWalkMinutes.roundedInt) Min. zu Fuß)"
      ))
    lines.append(
      t(
        "\(plan.stops.count) stop\(plan.stops.count == 1 ? "" : "s") · interest score \(plan.score.oneDecimal) · walking \(Labels.distance(plan.walkingMetres)) (\(plan.walkingMinutes.roundedInt) min)\(plan.optimal ? " · best possible plan" : "")",
        "共\(plan.stops.count)站 · 兴趣分\(plan.score.oneDecimal) · 步行\(Labels.distance(plan.walkingMetres))（\(plan.walkingMinutes.roundedInt)分钟）\(plan.optimal ? " · 最优方案" : "")",
        "\(plan.stops.count) Station\(plan.stops.count == 1 ? "" : "en") · Interessenwert \(Labels.decimal(plan.score, language: .de)) · zu Fuß \(Labels.distance(plan.walkingMetres, language: .de)) (\(plan.walkingMinutes.roundedInt) Min.)\(plan.optimal ? " · bestmöglicher Plan" : "")"
      ))
    for item in plan.leftOut {
      let name =
        catalog.exhibitor(item.id)?.name.text(language) ?? catalog.session(item.id)?.title.text(
          language) ?? item.id
      let reason: String =
        switch item.reason {
        case .notFound: t("not in this pack", "数据中没有", "nicht in diesen Daten")
        case .alreadyOver:
          t(
            "already started or over at the start time", "开始时已开始或结束",
            "zum Startzeitpunkt schon begonnen oder vorbei")
        case .unreachable:
          t("cannot be reached on this profile", "当前路线模式下无法到达", "auf diesem Weg nicht erreichbar")
        case .noTime: t("does not fit in the time budget", "时间预算内放不下", "passt nicht in die Zeit")
        case .otherDay:
          otherDay(
            catalog.session(item.id).map {
              labels.date(EventTime.localDate($0.start, zone: catalog.timeZone))
            })
        case .clash:
          clash(item.with.map { catalog.session($0)?.title.text(language) ?? $0 })
        }
      lines.append(
        t(
          "Left out: \(name) — \(reason)", "未安排：\(name)——\(reason)",
          "Nicht eingeplant: \(name) — \(reason)"))
    }
    lines.append(labels.approximateNote)
    return lines.joined(separator: "\n")
  }

  /// A plan of sessions only, for a pack that has no floor plan to walk on.
  private func renderSessions(
    _ plan: VisitPlan, request: VisitRequest, day: String, labels: Labels
  ) -> String {
    let clock = { (date: Date) in EventTime.clockTime(date, zone: catalog.timeZone) }
    let end = request.startTime.addingTimeInterval(request.budgetMinutes * 60)
    var lines = [
      t(
        "Plan for \(day) \(clock(request.startTime))–\(clock(end)) (no floor plan: the way between rooms is not counted)",
        "\(day) \(clock(request.startTime))–\(clock(end)) 的行程（没有场馆平面图：不计房间之间的步行时间）",
        "Plan für \(day) \(clock(request.startTime))–\(clock(end)) (kein Lageplan: Wege zwischen Räumen sind nicht eingerechnet)"
      )
    ]
    for stop in plan.stops {
      guard let session = catalog.session(stop.id) else { continue }
      lines.append(
        "\(clock(stop.start))–\(clock(stop.leave))  \(title(session)) — \(room(session))")
    }
    if plan.stops.isEmpty {
      lines.append(
        t(
          "No session in this time matches.", "这段时间没有符合的活动。",
          "Keine passende Sitzung in dieser Zeit."))
    }
    lines.append(
      t(
        "\(plan.stops.count) session\(plan.stops.count == 1 ? "" : "s") · interest score \(plan.score.oneDecimal)\(plan.optimal ? " · best possible plan" : "")",
        "共\(plan.stops.count)场 · 兴趣分\(plan.score.oneDecimal)\(plan.optimal ? " · 最优方案" : "")",
        "\(plan.stops.count) Sitzung\(plan.stops.count == 1 ? "" : "en") · Interessenwert \(Labels.decimal(plan.score, language: .de))\(plan.optimal ? " · bestmöglicher Plan" : "")"
      ))
    for item in plan.leftOut {
      let name = catalog.session(item.id)?.title.text(language) ?? item.id
      let reason: String =
        switch item.reason {
        case .notFound: t("not in this pack", "数据中没有", "nicht in diesen Daten")
        case .alreadyOver:
          t("starts before the plan does", "在行程开始前已开始", "beginnt vor dem Plan")
        case .noTime, .unreachable:
          t("does not fit in the time budget", "时间预算内放不下", "passt nicht in die Zeit")
        case .otherDay: otherDay(nil)
        case .clash: clash(item.with.map { catalog.session($0)?.title.text(language) ?? $0 })
        }
      lines.append(
        t(
          "Left out: \(name) — \(reason)", "未安排：\(name)——\(reason)",
          "Nicht eingeplant: \(name) — \(reason)"))
    }
    let modelled = plan.stops.contains { stop in
      catalog.session(stop.id).map {
        $0.isTitleModelled(in: language) || $0.provenance.isModelled("room")
      } ?? false
    }
    if modelled { lines.append(labels.approximateNote) }
    return lines.joined(separator: "\n")
  }

  /// A session's title, marked `~` where the pack models it.
  func title(_ session: Session) -> String {
    (session.isTitleModelled(in: language) ? "~" : "") + session.title.text(language)
  }

  /// A session's room, marked `~` where the pack models which room it is in.
  func room(_ session: Session) -> String {
    guard let room = catalog.room(session.room) else { return "" }
    return (session.provenance.isModelled("room") ? "~" : "") + room.name.text(language)
  }
}
