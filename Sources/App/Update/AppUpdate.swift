import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher
import Planner
import Recommender
import TerminalUI

/// What the app loop hands to `update`.
public enum Message: Sendable {
  case input(InputEvent)
  /// A click or touch on something the last frame drew.
  case target(Target)
  /// The clock moved on.
  case tick(Date)
  case fileWritten(path: String, error: String?)
}

/// A clickable thing on screen, recorded by the view with where it was drawn.
public enum Target: Hashable, Sendable {
  case tab(Screen)
  case language
  case action(Int)
  case exhibitor(Int)
  case session(Int)
  case day(Int)
  case walk(Int)
  /// A booth on the map.
  case booth(String)
  case myPlanItem(Int)
  /// A row of the For you screen: the profile's (role, wants, interests) or a recommendation.
  case profileRow(Int)
  case recommendation(Int)
  case planField(PlanField)
  /// A row of the Talks & Q&A list.
  case talksRow(Int)
  /// The attract screen or the "Still there?" countdown: a touch anywhere wakes the kiosk.
  case wake
  /// A role chip on the kiosk's attract screen: wakes it on For you with that role.
  case attractRole(String)
}

/// What `update` asks the loop to do in the world.
public enum Effect: Equatable, Sendable {
  case quit
  case writeFile(path: String, contents: String)
  /// Repaint every cell, trusting nothing already on the terminal (after a visitor reset).
  case clearScreen
}

/// The read-only world the update and view work in: the pack and the assistant.
public struct AppEnvironment: Sendable {
  public let catalog: EventCatalog
  private let pending: PendingAssistant
  /// What roles and wants look for (the pack's `roles.json`; empty without one).
  public var roles: RoleTable = RoleTable(roles: [], wants: []) {
    didSet { recommender = Recommender(catalog: catalog, roles: roles) }
  }
  /// Made once per role table: its topic rarities are a pass over the whole pack.
  public private(set) var recommender: Recommender
  /// Where `e` on My plan writes the calendar.
  public var exportPath: String
  /// How questions are logged anonymously; nil: not at all.
  public var questionLogging: QuestionLogging?
  /// The fleet sync's state for the operator console; nil when the kiosk is on its own.
  public var fleetSync: (@Sendable () -> FleetSyncState)?
  /// Questions to try on this pack, for the screens before the first question.
  public let examples: PackExamples

  public init(assistant: Assistant, exportPath: String = "hiwaic-plan.ics") {
    self.init(pending: PendingAssistant(ready: assistant), exportPath: exportPath)
  }

  /// With an assistant still being built: screens draw from the pack meanwhile.
  public init(pending: PendingAssistant, exportPath: String = "hiwaic-plan.ics") {
    catalog = pending.catalog
    self.pending = pending
    self.exportPath = exportPath
    recommender = Recommender(catalog: pending.catalog, roles: RoleTable(roles: [], wants: []))
    examples = PackExamples(catalog: pending.catalog)
  }

  /// The assistant (waiting for it, the first time, if it is still being built).
  public var assistant: Assistant { pending.assistant }
}

/// The one place state changes: a message in, the new state and any effects out (the Elm loop).
public enum AppUpdate {
  public static func update(_ state: inout AppState, _ message: Message, _ env: AppEnvironment)
    -> [Effect]
  {
    let effects = handle(message, &state, env)
    // What the screen now on show needs from the knowledge store, read here, not in the view.
    if case .tick = message {} else { TalksUpdate.refresh(&state, env) }
    return effects
  }

  static func handle(_ message: Message, _ state: inout AppState, _ env: AppEnvironment)
    -> [Effect]
  {
    switch message {
    case .tick(let date):
      state.now = date
      return tick(&state, env)
    case .fileWritten(let path, let error):
      state.notice =
        error.map { state.t("Could not save \(path): \($0)", "无法保存\(path)：\($0)") }
        ?? state.t("Saved to \(path)", "已保存到\(path)")
      return []
    case .target(let target):
      state.notice = nil
      if case .attractRole(let role) = target, wake(&state) != nil {
        state.profile.role = role
        go(.forYou, &state)
        return []
      }
      // A touch that wakes the kiosk, or closes the hand-off code, does nothing else.
      if wake(&state) != nil { return [] }
      if state.handOff != nil {
        state.handOff = nil
        return []
      }
      return target == .wake ? [] : keepingPanes(&state) { select(target, &$0, env) }
    case .input(.resize(let width, let height)):
      state.width = max(0, width)
      state.height = max(0, height)
      if var handOff = state.handOff {
        fitHandOff(&handOff, state)
        state.handOff = handOff
      }
      return []
    case .input(.mouse(let mouse)):
      if wake(&state) != nil { return [] }
      wheel(mouse, &state, env)
      return []
    case .input(.key(let key)):
      state.notice = nil
      return keyInput(key, &state, env)
    }
  }

  // MARK: - Keys

  static func handle(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    keepingPanes(&state) { handleKey(key, &$0, env) }
  }

  /// Runs `change`, then scrolls back to the top every pane whose subject it changed (another
  /// exhibitor, session, route or plan, or the other language).
  static func keepingPanes(_ state: inout AppState, _ change: (inout AppState) -> [Effect])
    -> [Effect]
  {
    func subjects(_ state: AppState) -> [Pane: [String]] {
      let language = state.language.rawValue
      let stops = state.planned.map { $0.plan.stops.map(\.id) } ?? []
      return [
        .exhibitorDetail: [
          language, "\(state.exhibitorSelection)", state.exhibitorSearch.text,
          "\(state.pavilionFilter ?? -1)",
        ],
        .sessionDetail: [
          language, "\(state.sessionSelection)", "\(state.dayIndex ?? -1)",
          state.sessionFilter.text,
          "\(state.onlyFavourites)",
        ],
        .cityWalkRoute: [language, "\(state.walkSelection)"],
        .planRoute: [language] + stops,
        .myPlanRoute: [language] + stops,
        .help: [language],
        .forYou: [language, state.profile.role ?? ""] + state.profile.wants
          + state.profile.interests,
      ]
    }
    let before = subjects(state)
    let effects = change(&state)
    let after = subjects(state)
    for (pane, subject) in after where before[pane] != subject { state.paneScroll[pane] = nil }
    return effects
  }

  /// The pane PgUp and PgDn scroll on a screen, if it has one.
  static func scrollingPane(_ screen: Screen) -> Pane? {
    switch screen {
    case .exhibitors: .exhibitorDetail
    case .schedule: .sessionDetail
    case .plan: .planRoute
    case .cityWalk: .cityWalkRoute
    case .myPlan: .myPlanRoute
    case .help: .help
    case .forYou: .forYou
    case .talks: .talksDetail
    default: nil
    }
  }

  /// Scrolls a pane by `rows`, no further than its content goes (as the view lays it out).
  static func scroll(_ pane: Pane, by rows: Int, _ state: inout AppState, _ env: AppEnvironment) {
    let limit = AppView.render(state, env).scrollLimits[pane] ?? 0
    let current = min(state.paneScroll[pane] ?? 0, limit)
    state.paneScroll[pane] = min(max(0, current + rows), limit)
  }

  static func handleKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    // PgUp and PgDn scroll the screen's long pane (the detail beside a list, a plan, help).
    if key == .pageUp || key == .pageDown, let pane = scrollingPane(state.screen) {
      let page = max(1, state.height / 2 - 2)
      scroll(pane, by: key == .pageDown ? page : -page, &state, env)
      return []
    }
    if state.screen == .help, key == .up || key == .down {
      scroll(.help, by: key == .down ? 1 : -1, &state, env)
      return []
    }
    // Keys that work everywhere, even while typing.
    switch key {
    case .function(let n) where n <= 8 && Screen.tab(key: n) != nil:
      if let screen = Screen.tab(key: n) { go(screen, &state) }
    case .function(9): toggleLanguage(&state)
    case .function(10), .control("q"), .control("c"):
      // A kiosk has no way out but the operator's chord and PIN.
      return state.kiosk == nil ? [.quit] : []
    case .tab, .backTab:
      let tabs = Screen.tabs
      let index = tabs.firstIndex(of: state.screen) ?? 0
      go(tabs[(index + (key == .tab ? 1 : tabs.count - 1)) % tabs.count], &state)
    default:
      if !state.typingField, case .character(let character) = key {
        switch character {
        case "0"..."9":
          if let number = character.wholeNumberValue, let screen = Screen.tab(key: number) {
            go(screen, &state)
          }
          return []
        case "?":
          go(.help, &state)
          return []
        case "q" where state.kiosk == nil: return [.quit]
        case "l", "L":
          toggleLanguage(&state)
          return []
        default: break
        }
      }
      return screenKey(key, &state, env)
    }
    return []
  }

  static func go(_ screen: Screen, _ state: inout AppState) {
    guard screen != state.screen else { return }
    // Back on a screen that shows recorded notes, they are read again: more may have come.
    state.talks.madeFor = nil
    state.sessionNotes = nil
    state.history.append(state.screen)
    if state.history.count > 20 { state.history.removeFirst() }
    state.screen = screen
  }

  /// The Schedule on a session's day with the session chosen, unfiltered.
  static func openSession(_ id: String, _ state: inout AppState, _ env: AppEnvironment) {
    let catalog = env.catalog
    guard let session = catalog.session(id) else { return }
    state.sessionFilter.clear()
    state.onlyFavourites = false
    let lists = Lists(catalog: catalog, state: state)
    state.dayIndex = lists.days.firstIndex(
      of: catalog.programmeDate(session.start))
    let sessions = Lists(catalog: catalog, state: state).sessions
    state.sessionSelection = sessions.firstIndex { $0.id == id } ?? 0
    state.timetable = false
    go(.schedule, &state)
  }

  static func back(_ state: inout AppState) {
    if let previous = state.history.popLast() { state.screen = previous }
  }

  static func toggleLanguage(_ state: inout AppState) {
    state.language = state.language == .zh ? .en : .zh
  }

  static func screenKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    let lists = Lists(catalog: env.catalog, state: state)
    switch state.screen {
    case .ask: askKey(key, &state, env)
    case .exhibitors:
      if state.searchingExhibitors {
        searchFieldKey(
          key, &state.exhibitorSearch, active: &state.searchingExhibitors,
          selection: &state.exhibitorSelection)
        return []
      }
      let count = lists.exhibitors.count
      switch key {
      case .character("/"): state.searchingExhibitors = true
      case .character("p"):
        let pavilions = env.catalog.pack.pavilions.count
        state.pavilionFilter =
          state.pavilionFilter.map { $0 + 1 < pavilions ? $0 + 1 : nil }
          ?? (pavilions > 0 ? 0 : nil)
        state.exhibitorSelection = 0
      case .character("f"), .character(" "):
        if let exhibitor = lists.exhibitors[safe: state.exhibitorSelection] {
          toggle(exhibitor.id, in: &state.favouriteExhibitors)
        }
      case .enter, .character("m"):
        if let exhibitor = lists.exhibitors[safe: state.exhibitorSelection],
          let node = exhibitor.booth.flatMap({ env.catalog.booth($0)?.node })
        {
          showOnMap(node: node, route: route(to: node, state, env), &state, env)
        }
      case .escape:
        if !state.exhibitorSearch.isEmpty || state.pavilionFilter != nil {
          // The search goes; the exhibitor chosen stays chosen in the whole list.
          let chosen = lists.exhibitors[safe: state.exhibitorSelection]?.id
          state.exhibitorSearch.clear()
          state.pavilionFilter = nil
          let all = Lists(catalog: env.catalog, state: state).exhibitors
          state.exhibitorSelection = chosen.flatMap { id in all.firstIndex { $0.id == id } } ?? 0
        } else {
          back(&state)
        }
      case .character(let character) where !character.isWhitespace:
        // Typing on the list starts a search: search as you type.
        state.searchingExhibitors = true
        _ = state.exhibitorSearch.handle(key)
        state.exhibitorSelection = 0
      default: state.exhibitorSelection = move(state.exhibitorSelection, key, count: count)
      }
    case .schedule: scheduleKey(key, &state, env, lists)
    case .talks: TalksUpdate.key(key, &state, env)
    case .map: mapKey(key, &state, env)
    case .plan: return planKey(key, &state, env)
    case .cityWalk: cityWalkKey(key, &state, env)
    case .myPlan:
      let items = MyPlanItems(catalog: env.catalog, state: state).items
      switch key {
      case .character("d"), .delete, .backspace:
        if let item = items[safe: state.myPlanSelection] {
          // Kept for u: a removal is one key away from being undone.
          let list = item.isSession ? state.favouriteSessions : state.favouriteExhibitors
          state.lastRemoved = RemovedFavourite(
            id: item.id, isSession: item.isSession, position: list.firstIndex(of: item.id) ?? 0,
            walk: item.kind == .walk ? state.plannedWalk : nil)
          if item.kind == .walk {
            state.plannedWalk = nil
          } else {
            state.favouriteSessions.removeAll { $0 == item.id }
            state.favouriteExhibitors.removeAll { $0 == item.id }
          }
          state.myPlanSelection = max(0, min(state.myPlanSelection, items.count - 2))
          let name = MyPlanItems(catalog: env.catalog, state: state).name(of: item)
          state.notice = state.t("Removed \(name) · u undoes", "已删除\(name) · 按 u 撤销")
        }
      case .character("u"):
        if let removed = state.lastRemoved {
          if let walk = removed.walk {
            state.plannedWalk = walk
          } else if removed.isSession {
            if !state.favouriteSessions.contains(removed.id) {
              state.favouriteSessions.insert(
                removed.id, at: min(removed.position, state.favouriteSessions.count))
            }
          } else if !state.favouriteExhibitors.contains(removed.id) {
            state.favouriteExhibitors.insert(
              removed.id, at: min(removed.position, state.favouriteExhibitors.count))
          }
          state.lastRemoved = nil
          let restored = MyPlanItems(catalog: env.catalog, state: state).items
          state.myPlanSelection = restored.firstIndex { $0.id == removed.id } ?? 0
        }
      case .enter:
        if let item = items[safe: state.myPlanSelection] { show(item, &state, env) }
      case .character("e") where state.kiosk == nil:
        return [.writeFile(path: env.exportPath, contents: MyPlanItems.calendar(state, env))]
      case .character("e"), .character("p"):
        // A kiosk writes nothing of a visitor's to its disk: the plan goes to their phone.
        handOffPlan(&state, env)
        if state.handOff?.candidates.isEmpty ?? false {
          state.handOff = nil
          state.notice = state.t("Nothing in my plan yet.", "我的行程还是空的。")
        }
      case .escape: back(&state)
      default: state.myPlanSelection = move(state.myPlanSelection, key, count: items.count)
      }
    case .help:
      if key == .escape { back(&state) }
    case .hereNow: hereNowKey(key, &state, env)
    case .forYou: forYouKey(key, &state, env)
    }
    return []
  }

  /// A search field above a list: Enter, ↓ or Esc go to the list (Esc always leaves a text
  /// field, keeping what was typed and what is selected); editing starts the list from the top.
  static func searchFieldKey(
    _ key: Key, _ field: inout LineEditor, active: inout Bool, selection: inout Int
  ) {
    switch key {
    case .enter, .down, .escape: active = false
    default: if field.handle(key) { selection = 0 }
    }
  }

  static func askKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    let actions = state.conversation.last?.actions ?? []
    switch key {
    case .pageUp: state.askScroll += max(1, state.height / 2)
    case .pageDown: state.askScroll = max(0, state.askScroll - max(1, state.height / 2))
    default:
      if state.askFocus == .actions && !actions.isEmpty {
        actionsKey(key, actions, &state, env)
      } else {
        state.askFocus = .line
        questionLineKey(key, actions, &state, env)
      }
    }
  }

  /// The question line: typing, Enter to ask, ↑/↓ through earlier questions as in a shell, Esc
  /// to the actions (or back when there are none).
  static func questionLineKey(
    _ key: Key, _ actions: [AskAction], _ state: inout AppState, _ env: AppEnvironment
  ) {
    let recent = state.recentQuestions
    switch key {
    case .enter:
      let text = state.question.text.trimmingCharacters(in: .whitespaces)
      state.recall = nil
      if !text.isEmpty {
        ask(text, &state, env)
      } else if let action = actions[safe: state.selectedAction] {
        perform(action, &state, env)
      }
    case .up where state.recall != nil || state.question.isEmpty:
      let back = min((state.recall ?? -1) + 1, recent.count - 1)
      guard back >= 0 else {
        if !actions.isEmpty { state.askFocus = .actions }
        return
      }
      state.recall = back
      state.question = LineEditor(recent[recent.count - 1 - back])
    case .down where state.recall != nil:
      let back = (state.recall ?? 0) - 1
      state.recall = back >= 0 ? back : nil
      state.question = back >= 0 ? LineEditor(recent[recent.count - 1 - back]) : LineEditor()
    case .down where state.question.isEmpty && !actions.isEmpty:
      state.askFocus = .actions
      state.selectedAction = 0
    case .escape:
      state.recall = nil
      if !actions.isEmpty {
        state.askFocus = .actions
      } else if state.question.isEmpty {
        back(&state)
      } else {
        state.question.clear()
      }
    default:
      if state.question.handle(key) { state.recall = nil }
    }
  }

  /// The last answer's actions: ↑/↓ choose, Enter does it, typing goes back to the question line.
  static func actionsKey(
    _ key: Key, _ actions: [AskAction], _ state: inout AppState, _ env: AppEnvironment
  ) {
    switch key {
    case .up: state.selectedAction = max(0, state.selectedAction - 1)
    case .down: state.selectedAction = min(actions.count - 1, state.selectedAction + 1)
    case .home: state.selectedAction = 0
    case .end: state.selectedAction = actions.count - 1
    case .enter, .character(" "):
      if let action = actions[safe: state.selectedAction] { perform(action, &state, env) }
    case .escape:
      state.askFocus = .line
      back(&state)
    default:
      state.askFocus = .line
      _ = state.question.handle(key)
    }
  }

  /// Asks the assistant and keeps the exchange (the last 50).
  public static func ask(_ question: String, _ state: inout AppState, _ env: AppEnvironment) {
    // The questions before give follow-ups ("make it step-free", "and tomorrow?") their subject.
    let context = AskContext(
      now: state.now, here: state.here, language: state.language,
      earlier: state.conversation.suffix(Matcher.conversationDepth).map(\.question),
      profile: state.profile)
    let reply = env.assistant.reply(to: question, context: context)
    if env.questionLogging != nil {
      state.unloggedQuestions.append(
        AskedQuestion(
          text: question, language: reply.answer.language, intent: reply.answer.intent.rawValue,
          confidence: reply.answer.confidence, answered: reply.isAnswered, place: state.here,
          channel: state.kiosk != nil ? "kiosk" : "tui", askedAt: state.now))
    }
    // "I'm an investor interested in robotics" fills the profile that For you shows.
    if let profile = reply.profile {
      state.profile = ProfileChoice(
        role: profile.role.flatMap { env.roles.role($0) != nil ? $0 : nil },
        interests: profile.interests.filter { env.catalog.topic($0) != nil },
        wants: profile.wants.filter { env.roles.want($0) != nil })
    }
    state.recentQuestions.removeAll { $0 == question }
    state.recentQuestions.append(question)
    if state.recentQuestions.count > SavedVisitorState.recentLimit {
      state.recentQuestions.removeFirst(state.recentQuestions.count - SavedVisitorState.recentLimit)
    }
    let actions = Lists(catalog: env.catalog, state: state).actions(for: reply)
    state.conversation.append(Exchange(question: question, reply: reply, actions: actions))
    if state.conversation.count > 50 { state.conversation.removeFirst() }
    if let planned = reply.plan {
      // The form shows what the plan was made of, so that changing it starts from the plan.
      state.planned = planned
      fillForm(from: planned, &state, env)
    }
    state.question.clear()
    state.selectedAction = 0
    state.askFocus = .line
    state.askScroll = 0
  }

  static func perform(_ action: AskAction, _ state: inout AppState, _ env: AppEnvironment) {
    switch action {
    case .showOnMap(let node, let route):
      showOnMap(
        node: node, route: route.isEmpty ? self.route(to: node, state, env) : route, &state, env)
    case .favouriteExhibitor(let id):
      // Already kept: show it in My plan rather than silently taking it out.
      if state.favouriteExhibitors.contains(id) {
        showInMyPlan(id, &state, env)
      } else {
        state.favouriteExhibitors.append(id)
      }
    case .favouriteSession(let id):
      if state.favouriteSessions.contains(id) {
        showInMyPlan(id, &state, env)
      } else {
        state.favouriteSessions.append(id)
      }
    case .openPlan:
      if let planned = state.conversation.last?.reply.plan {
        state.planned = planned
        fillForm(from: planned, &state, env)
        go(.plan, &state)
      }
    case .ask(let question): ask(question, &state, env)
    case .handOff:
      if let exchange = state.conversation.last {
        openHandOff(
          title: state.t("Scan with your phone's camera", "用手机相机扫码"),
          candidates: HandOffContent(catalog: env.catalog, state: state).answerCandidates(exchange),
          &state)
      }
    }
  }

  /// The way from the visitor's place, when there is one.
  static func route(to node: String, _ state: AppState, _ env: AppEnvironment) -> [String] {
    guard let here = state.here, here != node else { return [] }
    return WalkingRouter(catalog: env.catalog).route(from: here, to: node, stepFree: false)?.nodes
      ?? []
  }

  static func showOnMap(
    node: String, route: [String], _ state: inout AppState, _ env: AppEnvironment
  ) {
    state.mapTarget = node
    state.mapBooth = nil
    state.mapRoute = route
    if let floor = Lists(catalog: env.catalog, state: state).floorIndex(ofNode: node) {
      state.mapFloor = floor
    }
    state.mapPanX = 0
    state.mapPanY = 0
    go(.map, &state)
  }

  static func toggle(_ id: String, in list: inout [String]) {
    if let index = list.firstIndex(of: id) { list.remove(at: index) } else { list.append(id) }
  }

  static func move(_ selection: Int, _ key: Key, count: Int) -> Int {
    guard count > 0 else { return 0 }
    let next: Int
    switch key {
    case .up: next = selection - 1
    case .down: next = selection + 1
    case .pageUp: next = selection - 10
    case .pageDown: next = selection + 10
    case .home: next = 0
    case .end: next = count - 1
    default: next = selection
    }
    return min(max(0, next), count - 1)
  }

  static func changeDay(_ delta: Int, _ state: inout AppState, _ lists: Lists) {
    let count = lists.days.count
    guard count > 0 else { return }
    state.dayIndex = min(max(0, lists.dayIndex + delta), count - 1)
    state.sessionSelection = 0
  }

  static func mapKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    if state.searchingMap {
      switch key {
      case .enter:
        state.searchingMap = false
        findOnMap(state.mapSearch.text, &state, env)
      case .escape: state.searchingMap = false
      default: _ = state.mapSearch.handle(key)
      }
      return
    }
    let floors = env.catalog.pack.venues.floors.count
    let step = max(2, 8 >> max(0, 2 - state.mapZoom))
    switch key {
    case .left: state.mapPanX -= step
    case .right: state.mapPanX += step
    case .up: state.mapPanY -= step / 2
    case .down: state.mapPanY += step / 2
    case .character("+"), .character("="):
      state.mapZoom = min(4, state.mapZoom + 1)
    case .character("-"):
      state.mapZoom = max(0, state.mapZoom - 1)
    case .pageDown, .character("]"):
      if floors > 0 { state.mapFloor = (state.mapFloor + 1) % floors }
      state.mapPanX = 0
      state.mapPanY = 0
    case .pageUp, .character("["):
      if floors > 0 { state.mapFloor = (state.mapFloor + floors - 1) % floors }
      state.mapPanX = 0
      state.mapPanY = 0
    case .character("h"), .home:
      if let here = state.here,
        let floor = Lists(catalog: env.catalog, state: state).floorIndex(ofNode: here)
      {
        state.mapFloor = floor
      }
      state.mapPanX = 0
      state.mapPanY = 0
    case .character("c"):
      state.mapRoute = []
      state.mapTarget = nil
      state.mapBooth = nil
      state.mapSearch.clear()
    case .character("/"):
      state.searchingMap = true
    case .character("b"):
      nextBooth(&state, env)
    case .enter:
      whoIsThere(&state, env)
    case .escape: back(&state)
    default: break
    }
  }

  static func wheel(_ mouse: MouseEvent, _ state: inout AppState, _ env: AppEnvironment) {
    guard mouse.kind != .press else { return }
    let key: Key = mouse.kind == .wheelUp ? .up : .down
    switch state.screen {
    case .ask:
      state.askScroll = mouse.kind == .wheelUp ? state.askScroll + 3 : max(0, state.askScroll - 3)
    case .map: mapKey(key, &state, env)
    case .exhibitors, .schedule, .cityWalk, .myPlan:
      let wasSearching = (state.searchingExhibitors, state.filteringSessions)
      state.searchingExhibitors = false
      state.filteringSessions = false
      _ = screenKey(key, &state, env)
      if state.screen == .exhibitors { state.searchingExhibitors = wasSearching.0 }
      if state.screen == .schedule { state.filteringSessions = wasSearching.1 }
    default: break
    }
  }

  static func select(_ target: Target, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    switch target {
    case .tab(let screen): go(screen, &state)
    case .language: toggleLanguage(&state)
    case .action(let index):
      if let action = state.conversation.last?.actions[safe: index] {
        state.selectedAction = index
        perform(action, &state, env)
      }
    case .exhibitor(let index):
      if state.exhibitorSelection == index {
        return screenKey(.enter, &state, env)
      }
      state.exhibitorSelection = index
      state.searchingExhibitors = false
    case .session(let index):
      state.sessionSelection = index
      state.filteringSessions = false
    case .day(let index):
      let lists = Lists(catalog: env.catalog, state: state)
      if lists.sessionQuery.isEmpty {
        state.dayIndex = index
        state.sessionSelection = 0
      } else if let day = lists.days[safe: index] {
        // Filtering shows every day's matches: a day's tab goes to its first.
        state.sessionSelection =
          lists.sessions.firstIndex { env.catalog.programmeDate($0.start) >= day }
          ?? state.sessionSelection
      }
    case .walk(let index):
      if state.walkSelection != index { state.walkStopSelection = 0 }
      state.walkSelection = index
    case .booth(let id):
      if let node = env.catalog.booth(id)?.node {
        state.mapBooth = id
        state.mapTarget = node
        state.mapRoute = route(to: node, state, env)
        state.notice = boothNotice(id, state, env)
      }
    case .myPlanItem(let index): state.myPlanSelection = index
    case .talksRow(let index):
      if state.talks.selection == index { return screenKey(.enter, &state, env) }
      state.talks.selection = index
      state.talks.searching = false
    case .profileRow(let index):
      state.forYouOnList = false
      state.profileSelection = index
      forYouKey(.character(" "), &state, env)
    case .recommendation(let index):
      // A second tap on the chosen one shows it, as on the other lists.
      if state.forYouOnList && state.forYouSelection == index {
        forYouKey(.enter, &state, env)
      } else {
        state.forYouOnList = true
        state.forYouSelection = index
      }
    case .wake, .attractRole: break
    case .planField(let field):
      state.planFocus = field
      if field == .stepFree { state.planStepFree.toggle() }
      if field == .submit { return planKey(.enter, &state, env) }
    }
    return []
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension AppUpdate {
  /// The schedule: days, the list or the timetable, favourites, the filter across all days.
  static func scheduleKey(
    _ key: Key, _ state: inout AppState, _ env: AppEnvironment, _ lists: Lists
  ) {
    if state.filteringSessions {
      searchFieldKey(
        key, &state.sessionFilter, active: &state.filteringSessions,
        selection: &state.sessionSelection)
      return
    }
    let sessions = lists.sessions
    let filtered = !lists.sessionQuery.isEmpty
    switch key {
    case .left, .right:
      let delta = key == .left ? -1 : 1
      guard filtered else {
        changeDay(delta, &state, lists)
        return
      }
      // Every day's matches are listed: ←→ jump to the previous or next day among them.
      let selected = sessions[safe: state.sessionSelection].map {
        env.catalog.programmeDate($0.start)
      }
      let days = sessions.map { env.catalog.programmeDate($0.start) }
      let target: Int?
      if delta > 0 {
        target = days.firstIndex { candidate in selected.map { candidate > $0 } ?? true }
      } else {
        let last = days.lastIndex { candidate in selected.map { candidate < $0 } ?? false }
        target = last.flatMap { days.firstIndex(of: days[$0]) }
      }
      if let target { state.sessionSelection = target }
    case .character("/"): state.filteringSessions = true
    case .character("v"): state.timetable.toggle()
    case .character("o"):
      state.onlyFavourites.toggle()
      state.sessionSelection = 0
    case .character("f"), .character(" "):
      if let session = sessions[safe: state.sessionSelection] {
        toggle(session.id, in: &state.favouriteSessions)
      }
    case .character("n"):
      // Back to today, on what is on now or next.
      state.dayIndex = nil
      let today = Lists(catalog: env.catalog, state: state)
      let shown = today.sessions
      let (now, next) = today.nowAndNext(shown)
      state.sessionSelection =
        shown.firstIndex { now.contains($0.id) || $0.id == next } ?? 0
    case .enter, .character("m"):
      if let session = sessions[safe: state.sessionSelection],
        let node = env.catalog.room(session.room)?.node
      {
        showOnMap(node: node, route: route(to: node, state, env), &state, env)
      }
    case .escape:
      if filtered {
        // The filter goes; the session chosen stays chosen, on its own day.
        let chosen = sessions[safe: state.sessionSelection]
        state.sessionFilter.clear()
        if let chosen {
          let day = env.catalog.programmeDate(chosen.start)
          state.dayIndex = lists.days.firstIndex(of: day) ?? state.dayIndex
          let unfiltered = Lists(catalog: env.catalog, state: state).sessions
          state.sessionSelection = unfiltered.firstIndex { $0.id == chosen.id } ?? 0
        }
      } else if state.onlyFavourites {
        state.onlyFavourites = false
        state.sessionSelection = 0
      } else {
        back(&state)
      }
    default:
      state.sessionSelection = move(state.sessionSelection, key, count: sessions.count)
    }
  }
}

extension AppUpdate {
  /// Opens My plan on a kept item.
  static func showInMyPlan(_ id: String, _ state: inout AppState, _ env: AppEnvironment) {
    go(.myPlan, &state)
    let items = MyPlanItems(catalog: env.catalog, state: state).items
    state.myPlanSelection = items.firstIndex { $0.id == id } ?? 0
  }

  /// Shows a kept item where it lives: a session on its day in the schedule, an exhibitor in
  /// the list.
  static func show(_ item: MyPlanItems.Item, _ state: inout AppState, _ env: AppEnvironment) {
    let catalog = env.catalog
    if item.kind == .walk {
      state.walkSelection = catalog.pack.cityWalks.firstIndex { $0.id == item.id } ?? 0
      if let kept = state.plannedWalk {
        state.walkStart = kept.start
        state.walkBudgetMinutes = kept.budgetMinutes
      }
      state.walkStops = true
      state.walkStopSelection = 0
      go(.cityWalk, &state)
    } else if item.isSession {
      openSession(item.id, &state, env)
    } else {
      state.exhibitorSearch.clear()
      state.pavilionFilter = nil
      state.searchingExhibitors = false
      let exhibitors = Lists(catalog: catalog, state: state).exhibitors
      state.exhibitorSelection = exhibitors.firstIndex { $0.id == item.id } ?? 0
      go(.exhibitors, &state)
    }
  }
}

extension AppUpdate {
  /// Centres the map on what the visitor typed: a place the pack names (booth, room, zone,
  /// exhibitor, a walkway stop), else what the assistant understands ("restroom", "华为"), with
  /// the way from here; a clear message with close matches when nothing is found.
  static func findOnMap(_ text: String, _ state: inout AppState, _ env: AppEnvironment) {
    let query = text.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return }
    let catalog = env.catalog
    var node: String?
    var suggestions: [String] = []
    switch catalog.resolvePlace(query) {
    case .found(let found): node = found
    case .ambiguous(let nodes): node = nodes.first
    case .notFound(let close): suggestions = close
    }
    if node == nil {
      let context = AskContext(now: state.now, here: state.here, language: state.language)
      let reply = env.assistant.reply(to: query, context: context)
      if reply.answer.intent != .unknown {
        let lists = Lists(catalog: catalog, state: state)
        node =
          reply.directions?.to ?? reply.destination.flatMap { catalog.node($0) != nil ? $0 : nil }
          ?? reply.answer.entities.compactMap { lists.node(for: $0) }.first
      }
    }
    guard let node else {
      let hint =
        suggestions.isEmpty
        ? "" : state.t("; did you mean ", "；您是否要找") + suggestions.joined(separator: ", ")
      state.notice =
        state.t("Nothing on the map called “\(query)”", "地图上没有“\(query)”") + hint
      return
    }
    state.mapTarget = node
    state.mapRoute = route(to: node, state, env)
    if let floor = Lists(catalog: catalog, state: state).floorIndex(ofNode: node) {
      state.mapFloor = floor
    }
    state.mapZoom = max(state.mapZoom, 1)
    state.mapPanX = 0
    state.mapPanY = 0
    // A booth found by its exhibitor or number is the one marked, even where booths share a
    // walkway stop.
    let booth =
      catalog.booth(query) ?? catalog.exhibitor(query)?.booth.flatMap { catalog.booth($0) }
      ?? exhibitorBooth(query, catalog) ?? catalog.pack.booths.first { $0.node == node }
    state.mapBooth = booth?.id
    if let booth { state.notice = boothNotice(booth.id, state, env) }
  }

  /// The booth of the exhibitor a name finds, if any.
  static func exhibitorBooth(_ name: String, _ catalog: EventCatalog) -> Booth? {
    guard
      case .found(let exhibitor) = catalog.exhibitorNames.resolve(
        name, { catalog.pack.exhibitors[$0] })
    else { return nil }
    return exhibitor.booth.flatMap { catalog.booth($0) }
  }

  /// The next booth on the shown floor after the current target, centred, with who is there.
  static func nextBooth(_ state: inout AppState, _ env: AppEnvironment) {
    let catalog = env.catalog
    let floors = catalog.pack.venues.floors
    guard let floor = floors[safe: min(max(0, state.mapFloor), floors.count - 1)] else { return }
    let halls = Set(catalog.pack.venues.halls.filter { $0.floor == floor.id }.map(\.id))
    let booths = catalog.pack.booths.filter { halls.contains($0.hall) }.sorted { $0.id < $1.id }
    guard !booths.isEmpty else {
      state.notice = state.t("No booths on this floor.", "这一层没有展位。")
      return
    }
    let current = booths.firstIndex { $0.id == state.mapBooth }
    let next = booths[current.map { ($0 + 1) % booths.count } ?? 0]
    state.mapBooth = next.id
    state.mapTarget = next.node
    state.mapRoute = route(to: next.node, state, env)
    state.mapPanX = 0
    state.mapPanY = 0
    state.notice = boothNotice(next.id, state, env)
  }

  /// "H3-A01 · Unitree Robotics · Enter for details": who is at a booth.
  static func boothNotice(_ id: String, _ state: AppState, _ env: AppEnvironment) -> String {
    let names = (env.catalog.exhibitorsByBooth[id] ?? []).map {
      env.catalog.pack.exhibitors[$0].name.text(state.language)
    }
    guard !names.isEmpty else {
      return state.t("Booth ~\(id): no exhibitor listed", "展位 ~\(id)：无展商信息")
    }
    return state.t(
      "Booth ~\(id) · \(names.joined(separator: ", ")) · Enter for details",
      "展位 ~\(id) · \(names.joined(separator: "、")) · 回车查看详情")
  }

  /// Enter on the map: the exhibitor at the booth marked, or the sessions of the room marked.
  static func whoIsThere(_ state: inout AppState, _ env: AppEnvironment) {
    let catalog = env.catalog
    guard let target = state.mapTarget else {
      state.notice = state.t(
        "Mark a booth first: b steps through them, / finds one.", "请先选择展位：按 b 逐个查看，按 / 查找。")
      return
    }
    let booth =
      state.mapBooth.flatMap { catalog.booth($0) }.flatMap { $0.node == target ? $0 : nil }
      ?? catalog.pack.booths.first { $0.node == target }
    if let booth, let first = catalog.exhibitorsByBooth[booth.id]?.first {
      show(
        MyPlanItems.Item(id: catalog.pack.exhibitors[first].id, isSession: false), &state, env)
    } else if let room = catalog.pack.venues.rooms.first(where: { $0.node == target }) {
      state.sessionFilter = LineEditor(room.name.text(state.language))
      state.filteringSessions = false
      state.sessionSelection = 0
      go(.schedule, &state)
    } else {
      state.notice = state.t("Nobody exhibits here.", "这里没有展商。")
    }
  }
}

extension AppUpdate {
  /// City Walk: ↑↓ routes (or, after Enter, the chosen route's stops), [ ] start earlier or
  /// later, + - the time there is, a to keep it in My plan, Enter or m a stop on the map.
  static func cityWalkKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    let routes = env.catalog.pack.cityWalks
    guard let route = routes[safe: min(state.walkSelection, routes.count - 1)] else {
      if key == .escape { back(&state) }
      return
    }
    let start = CityWalkTiming.start(state, env.catalog)
    switch key {
    case .character("["), .character("]"):
      state.walkStart = start.addingTimeInterval(key == .character("[") ? -1800 : 1800)
    case .character("+"), .character("="), .character("-"):
      let whole = CityWalkPlanner(catalog: env.catalog).plan(route, start: start).minutes
      let current = state.walkBudgetMinutes ?? (whole / 30).rounded(.up) * 30
      let next = current + (key == .character("-") ? -30 : 30)
      // More than the whole route needs means no limit; at least half an hour.
      state.walkBudgetMinutes = next >= whole ? nil : max(30, next)
    case .character("a"):
      let walk = PlannedWalk(
        route: route.id, start: start, budgetMinutes: state.walkBudgetMinutes)
      let name = route.name.text(state.language)
      let clock = EventTime.clockTime(start, zone: env.catalog.timeZone)
      if state.plannedWalk == walk {
        showInMyPlan(route.id, &state, env)
      } else {
        state.plannedWalk = walk
        state.notice = state.t(
          "\(name) from \(clock) is in my plan", "\(name)（\(clock)出发）已加入我的行程")
      }
    case .enter where !state.walkStops:
      state.walkStops = true
      state.walkStopSelection = 0
    case .enter, .character("m"):
      guard state.walkStops, let stop = route.stops[safe: state.walkStopSelection] else { return }
      if let node = stop.node, env.catalog.node(node) != nil {
        showOnMap(node: node, route: AppUpdate.route(to: node, state, env), &state, env)
      } else {
        let district = stop.district.map { state.t(" in ", "位于") + $0.text(state.language) } ?? ""
        state.notice = state.t(
          "\(stop.name.text(state.language)) is in the city\(district): this pack has no city map",
          "\(stop.name.text(state.language))\(district)，在城市中：本数据包没有城市地图")
      }
    case .escape:
      if state.walkStops {
        state.walkStops = false
      } else {
        back(&state)
      }
    default:
      if state.walkStops {
        state.walkStopSelection = move(state.walkStopSelection, key, count: route.stops.count)
      } else {
        let before = state.walkSelection
        state.walkSelection = move(state.walkSelection, key, count: routes.count)
        if before != state.walkSelection { state.walkStopSelection = 0 }
      }
    }
  }
}

/// When a City Walk is timed from: the visitor's choice, else now to the next quarter hour in
/// the day, else (in the evening or at night) 10:00 the next morning.
enum CityWalkTiming {
  static func start(_ state: AppState, _ catalog: EventCatalog) -> Date {
    if let chosen = state.walkStart { return chosen }
    let zone = catalog.timeZone
    // The next quarter hour, or this one when it began less than a minute ago (a clock that
    // has just ticked past 10:00 still starts the walk at 10:00).
    let quarter = ((state.now.timeIntervalSince1970 - 60) / 900).rounded(.up) * 900
    let next = Date(timeIntervalSince1970: quarter)
    let clock = EventTime.clockMinutes(EventTime.clockTime(next, zone: zone)) ?? 0
    if clock >= 8 * 60 && clock <= 17 * 60 { return next }
    var day = EventTime.localDate(state.now, zone: zone)
    if clock > 17 * 60 {
      // The next date: a day and a half after midnight is always on it, whatever the zone does.
      day = EventTime.localDate(
        EventTime.startOfDay(day, zone: zone).addingTimeInterval(36 * 3600), zone: zone)
    }
    return EventTime.startOfDay(day, zone: zone).addingTimeInterval(10 * 3600)
  }
}
