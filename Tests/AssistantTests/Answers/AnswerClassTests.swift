import EventModel
import Foundation
import Testing

@testable import Matcher

/// The classes of issue 12, each in English, Chinese and German: the class is fixed, not the
/// example, so every test asks in words of its own.
@Suite("Answer classes of issue 12, in three languages")
struct AnswerClassTests {
  static func slot(_ answer: MatcherAnswer, _ key: String) -> String? {
    switch answer.slots[key] {
    case .text(let text)?: text
    case .list(let list)?: list.joined(separator: ",")
    default: nil
    }
  }

  @Test(
    "a weekday and part of the day are understood and named in the answer",
    arguments: [
      ("what's on sunday evening", "2025-07-27", "Sunday 27 July, evening"),
      ("周日晚上有什么活动", "2025-07-27", "7月27日（周日）晚上"),
      ("Was läuft am Sonntagabend?", "2025-07-27", "Sonntag, 27. Juli, abends"),
      ("Was läuft am Montag Vormittag?", "2025-07-28", "Montag, 28. Juli, vormittags"),
      ("星期一上午有哪些论坛", "2025-07-28", "7月28日（周一）上午"),
      // One phrase that names both the day and its part.
      ("Was läuft heute Abend?", "2025-07-26", "Samstag, 26. Juli, abends"),
      ("Was ist heute Morgen los?", "2025-07-26", "Samstag, 26. Juli, vormittags"),
      ("今晚有什么活动", "2025-07-26", "7月26日（周六）晚上"),
      ("anything on tonight?", "2025-07-26", "Saturday 26 July, evening"),
    ])
  func weekdayAndPart(question: String, day: String, window: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(Self.slot(answer, "day") == day, "\(question)")
    #expect(answer.answer.hasPrefix(window), "\(answer.answer)")
  }

  @Test(
    "an hour with a clock word is a clock time, in the afternoon unless the question says morning",
    arguments: [
      ("anything starting at 2 o'clock on sunday?", "2025-07-27", 14 * 60),
      ("Was beginnt am Sonntag um 14 Uhr?", "2025-07-27", 14 * 60),
      ("周日两点有什么活动", "2025-07-27", 14 * 60),
      ("Gibt es morgen um 9 Uhr etwas?", "2025-07-27", 9 * 60),
    ])
  func clockWords(question: String, day: String, minutes: Int) {
    let (u, _) = AnswerFixture.matcher.understand(question, context: AnswerFixture.context())
    #expect(u.time.day?.description == day, "\(question)")
    #expect(u.time.clock == minutes, "\(question)")
    #expect(AnswerFixture.ask(question).intent == .findSession, "\(question)")
  }

  @Test(
    "a German compound of two known words is read as both; known words and other languages stay whole",
    arguments: [
      ("Gibt es morgen ein Robotikforum?", Intent.findSession, "topic:robotics"),
      ("Wann ist das Sicherheitsforum", .findSession, "topic:ai-safety"),
      ("Wer zeigt Roboterhunde?", .findExhibitor, "topic:quadruped-robots"),
    ])
  func germanCompounds(question: String, intent: Intent, entity: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == intent, "\(answer.answer)")
    #expect(
      answer.entities.contains { "\($0.type.rawValue):\($0.id)" == entity }, "\(answer.entities)")
  }

  @Test("words that are known, short, not Latin or not two known words are not split")
  func notCompounds() {
    let index = AnswerFixture.matcher.index
    for word in ["offnungszeiten", "basketball", "restaurant", "governance", "unitree", "robotik"] {
      #expect(index.compoundParts(word) == nil, "\(word)")
    }
    #expect(index.compoundParts("robotikforum")?.0 == "robotik")
    #expect(index.compoundParts("gesundheitsforum")?.1 == "forum")
  }

  @Test(
    "a forum asked for by its topic is named by the session whose title holds the topic",
    arguments: [
      "is there any forum covering smart cities", "有讲智慧城市的论坛吗",
      "Gibt es ein Forum zum Thema Smart City?",
    ])
  func sessionByTopicTitle(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession)
    #expect(answer.entities.contains { $0.type == .session && $0.id == "ai-city-forum" })
    // Listed too, but its title does not name the topic.
    #expect(!answer.entities.contains { $0.id == "closing-ceremony" }, "\(answer.entities)")
  }

  @Test(
    "words both languages have (WAIC, names, was) do not decide the language; the others do",
    arguments: [
      ("Was ist WAIC eigentlich?", Language.de), ("what is WAIC exactly?", .en),
      ("Hi WAIC, was kannst du?", .de), ("where is the Huawei stand?", .en),
      ("Wo ist Unitree?", .de), ("WAIC是什么", .zh),
    ])
  func sharedWordsAndLanguage(question: String, language: Language) {
    #expect(AnswerFixture.ask(question).language == language, "\(question)")
  }

  @Test(
    "an information keyword speaks its language; one inside a longer name or keyword does not",
    arguments: [
      ("Fundbüro", Language.de), ("Notfallnummer?", .de), ("lost property?", .en),
      ("失物招领", .zh), ("Infos zum City Walk 2", .de), ("Wer ist eigentlich Hi WAIC", .de),
      ("WLAN", .de), ("wifi", .en),
    ])
  func keywordLanguages(question: String, language: Language) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.language == language, "\(question): \(answer.answer)")
  }

  @Test(
    "a misspelt information keyword is corrected in its own language, one of no language never",
    arguments: [
      ("what's the adrdess of the exhibition", "addresses", true),
      ("Wo ist der Parkplaz", "traffic", true), ("where is the parkplaz", "traffic", false),
      ("call the hotlnie", "emergency", false),
    ])
  func misspeltKeywords(question: String, info: String, corrected: Bool) {
    let (u, _) = AnswerFixture.matcher.understand(question, context: AnswerFixture.context())
    #expect((u.infoHits[info] != nil) == corrected, "\(question): \(u.infoHits)")
  }

  @Test(
    "a German word is not read as a compound of a German and an English word",
    arguments: [
      ("Ist das WLAN kostenlos oder kostenpflichtig?", "wifi"),
      ("Gibt es kostenloses WLAN in der Halle", "wifi"),
      ("Gibt es kostenlose Getränke", nil),
    ])
  func compoundsKeepOneLanguage(question: String, info: String?) {
    let index = AnswerFixture.matcher.index
    #expect(index.compoundParts("kostenlose") == nil)
    let answer = AnswerFixture.ask(question)
    #expect(!answer.entities.contains { $0.id == "lost-and-found" }, "\(answer.entities)")
    if let info {
      #expect(answer.entities.contains { $0.type == .info && $0.id == info }, "\(answer.entities)")
    }
    #expect(answer.language == .de)
  }

  @Test(
    "a day of the event without sessions is said to have none, not answered with another day",
    arguments: ["any forums on tuesday?", "周二有论坛吗", "Gibt es am Dienstag Foren?"])
  func dayWithoutSessions(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession)
    #expect(Self.slot(answer, "day") == "2025-07-29")
    #expect(Self.slot(answer, "sessions") == "", "\(answer.slots)")
    #expect(answer.answer.contains("29"), "\(answer.answer)")
  }

  @Test("'am' is a time only after an hour: German 'am Sonntag' is not the morning")
  func meridiem() {
    #expect(AnswerFixture.ask("Was ist am Sonntag los?").slots["partOfDay"] == nil)
    let clock = AnswerFixture.ask("sessions on monday at 10 am")
    #expect(Self.slot(clock, "time") == "10:00")
  }

  @Test(
    "the start and the end of a walk follow the words before them, in any order",
    arguments: [
      "to the red hall from unitree", "from unitree to the red hall",
      "zur Roten Halle von Unitree", "von Unitree zur Roten Halle",
      "从宇树科技到红厅怎么走", "到红厅，从宇树科技出发",
    ])
  func walkEnds(question: String) {
    let answer = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(answer.intent == .directions, "\(question)")
    #expect(Self.slot(answer, "to") == "ec-red-door", "\(question): \(answer.slots)")
    #expect(Self.slot(answer, "from") != "ec-red-door", "\(question): \(answer.slots)")
  }

  @Test(
    "a facility the walk starts at is not where it goes, and one it goes to is the nearest to the start",
    arguments: [
      ("how do I get from the entrance to Huawei", "h1-b131", true),
      ("Wie komme ich vom Eingang zu Unitree?", "h3-b111", true),
      ("从入口到宇树科技怎么走", "h3-b111", true),
      ("how do I get to the toilet from Unitree", "h3-b111", false),
      ("Wie komme ich von Huawei zur Toilette?", "h1-b131", false),
      ("从宇树科技去洗手间怎么走", "h3-b111", false),
    ])
  func facilityEnds(question: String, place: String, placeIsTarget: Bool) {
    let answer = AnswerFixture.ask(question, at: "eh-2f-wc")
    #expect(answer.intent == .directions, "\(question)")
    let target = Self.slot(answer, "to")
    let start = Self.slot(answer, "from")
    if placeIsTarget {
      #expect(target == place, "\(question): \(answer.slots)")
      // The walk starts at an entrance.
      #expect(
        start.flatMap { AnswerFixture.catalog.node($0) }?.kind == .entrance, "\(answer.slots)")
    } else {
      #expect(start == place, "\(question): \(answer.slots)")
      #expect(Self.slot(answer, "facility") == "restroom", "\(answer.slots)")
      // The restroom nearest to the start: no other is a shorter walk from it.
      let walk = AnswerFixture.catalog.walkways
      let from = walk.nodePosition[place] ?? 0
      let tree = walk.travel(from: from)
      let chosen = target.flatMap { walk.nodePosition[$0] }.flatMap { tree.seconds(to: $0) }
      for node in AnswerFixture.catalog.pack.walkways.nodes
      where node.facility == .restroom || node.facility == .accessibleRestroom {
        let other = walk.nodePosition[node.id].flatMap { tree.seconds(to: $0) } ?? .infinity
        #expect((chosen ?? .infinity) <= other + 1e-6, "\(node.id) is nearer than \(target ?? "-")")
      }
    }
  }

  @Test(
    "a venue across town gets the metro, not only a walk",
    arguments: [
      ("how do I get to the west bund", "Line 11"), ("怎么去徐汇西岸", "11"),
      ("Wie komme ich zum Westbund?", "Linie 11"),
    ])
  func distantVenue(question: String, line: String) {
    let answer = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.contains(line), "\(answer.answer)")
  }

  @Test(
    "without a start, the way to a venue across town is the metro, not a request for a place",
    arguments: [
      ("what's the best way to reach the West Bund?", "Line 11"), ("去西岸该怎么走", "11号线"),
      ("Wie gelange ich zum Westbund?", "Linie 11"),
    ])
  func distantVenueWithoutStart(question: String, line: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.contains(line), "\(answer.answer)")
    #expect(!answer.answer.contains("Tell me where you are") && !answer.answer.contains("告诉我"))
    // The area is named once, not as its own floor too.
    #expect(
      !answer.answer.contains("West Bund, Xuhui West Bund") && !answer.answer.contains("西岸西岸"))
  }

  @Test(
    "a room asked for by name is found, in every language",
    arguments: ["where is the red hall?", "红厅在哪里", "Wo ist die Rote Halle?"])
  func roomByName(question: String) {
    let answer = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.entities.contains { $0.type == .room && $0.id == "red-hall" })
  }

  @Test(
    "a topic is not swallowed by a facility or information word",
    arguments: [
      ("which companies work on AI for healthcare", "topic", "healthcare"),
      ("有哪些医疗健康方面的公司", "topic", "healthcare"),
      ("Welche Firmen machen KI für das Gesundheitswesen?", "topic", "healthcare"),
    ])
  func topicOverFacility(question: String, type: String, id: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question)")
    #expect(answer.entities.contains { $0.type.rawValue == type && $0.id == id })
    #expect(answer.slots["facility"] == nil)
  }

  @Test(
    "practical questions get their own entry: a multi-day ticket is about tickets, not dates",
    arguments: [
      ("what does a ticket for all three days cost", "ticket-prices"),
      ("三日票多少钱", "ticket-prices"), ("Was kostet ein Ticket für drei Tage?", "ticket-prices"),
      ("Mir ist übel, wo finde ich einen Arzt?", "first-aid"),
    ])
  func practical(question: String, info: String) {
    let answer = AnswerFixture.ask(question)
    #expect([.venueInfo, .directions].contains(answer.intent), "\(question)")
    #expect(
      Self.slot(answer, "info") == info || Self.slot(answer, "facility") == "first-aid",
      "\(question): \(answer.slots)")
  }

  @Test(
    "German practical answers are in German",
    arguments: ["Gibt es hier WLAN?", "Was kosten die Eintrittskarten?"])
  func germanInfo(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.language == .de)
    #expect(!answer.answer.contains("The sources") && !answer.answer.contains("Reports say"))
  }

  @Test(
    "facts about the event answer the fact asked",
    arguments: [
      ("when does WAIC 2025 take place", "2025-07-26"), ("WAIC 2025是哪几天", "2025-07-26"),
      ("Wann ist die WAIC?", "2025-07-26"),
      ("in which city is the conference", "Shanghai"), ("大会在哪个城市举办", "上海"),
      ("In welcher Stadt findet die Konferenz statt?", "Shanghai"),
      ("which pavilions does the exhibition have", "Intelligent Terminals"),
      ("展览有哪些展馆", "智能终端馆"), ("Welche Pavillons hat die Ausstellung?", "Pavillon für"),
      ("is there another WAIC next year", "2018"), ("明年还会举办世界人工智能大会吗", "2018"),
      ("Gibt es nächstes Jahr wieder eine WAIC?", "2018"),
    ])
  func eventFacts(question: String, contains: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .eventInfo, "\(question)")
    #expect(answer.answer.contains(contains), "\(question): \(answer.answer)")
  }

  @Test(
    "the demos people come for are found like names",
    arguments: [
      ("which booth has the robot playing mahjong", "exhibitor", "psi-robot"),
      ("打麻将的机器人在哪个展位", "exhibitor", "psi-robot"),
      ("Wo spielt ein Roboter Mahjong?", "exhibitor", "psi-robot"),
      ("where can I watch humanoid boxing", "exhibitor", "unitree"),
      ("the robot that folds clothes, where is it", "exhibitor", "qianxun"),
      ("where do robots hand out cola", "route", "robots-at-work"),
    ])
  func demos(question: String, type: String, id: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent != .unknown, "\(question)")
    #expect(
      answer.entities.contains { $0.type.rawValue == type && $0.id == id },
      "\(question): \(answer.entities)")
  }

  @Test(
    "thanks and goodbyes are answered as such, not with a hello",
    arguments: [
      ("thank you so much", "welcome"), ("ok bye then", "Goodbye"), ("太感谢了", "不客气"),
      ("拜拜啦", "再见"), ("Danke dir!", "Gern geschehen"), ("Tschüss und danke", "Wiedersehen"),
      ("many thanks", "welcome"), ("see you later", "Goodbye"), ("谢啦", "不客气"),
      ("下次见", "再见"), ("besten Dank", "Gern geschehen"), ("bis dann", "Wiedersehen"),
    ])
  func smallTalk(question: String, contains: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .greeting, "\(question)")
    #expect(answer.answer.contains(contains), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("I'm hiwaic") && !answer.answer.contains("我是"))
  }

  @Test(
    "where the visitor stands is known, asking where a facility is gets the way to the nearest one",
    arguments: [
      ("is there a metro station close by", "metro-expo-hall", "Nearest"),
      ("有没有急救的地方", "first-aid", "最近的"),
      ("Ist hier irgendwo eine Erste-Hilfe-Station?", "first-aid", "Am nächsten"),
    ])
  func nearestFacility(question: String, info: String, nearest: String) {
    let elsewhere = AnswerFixture.ask(question)
    #expect(elsewhere.intent == .venueInfo, "\(question)")
    #expect(elsewhere.slots["info"] == .text(info), "\(question): \(elsewhere.slots)")
    let here = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(here.intent == .directions, "\(question)")
    #expect(here.answer.hasPrefix(nearest), "\(question): \(here.answer)")
  }

  @Test(
    "how a facility works is practical information wherever the visitor stands, its entry first",
    arguments: [
      "which metro line goes to the venue", "地铁几号线可以到会场",
      "Welche U-Bahn fährt zum Veranstaltungsort?", "how do I get here by metro",
    ])
  func facilityInformation(question: String) {
    for at in [nil, "eh-1f-north"] {
      let answer = AnswerFixture.ask(question, at: at)
      #expect(answer.intent == .venueInfo, "\(question) at \(at ?? "-")")
      #expect(answer.slots["info"] == .text("metro-expo-hall"), "\(question): \(answer.slots)")
    }
  }

  @Test(
    "of two information entries named alike, the one the question is about answers",
    arguments: [
      // English and German name it first, Chinese last.
      "is there a shuttle between the venues",
      "Fährt ein Shuttle zwischen den Veranstaltungsorten?",
      "去会场的班车在哪",
    ])
  func infoHead(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .venueInfo, "\(question)")
    #expect(answer.slots["info"] == .text("shuttle"), "\(question): \(answer.slots)")
  }

  @Test(
    "a speaker the pack does not have is named as typed, with the list's size, not every session",
    arguments: [
      "when does Yann LeCun speak?", "Yann LeCun的演讲是什么时候", "Wann spricht Sam Altman?",
    ])
  func missingSpeaker(question: String) {
    let answer = AnswerFixture.ask(question)
    let count = String(AnswerFixture.catalog.pack.speakers.count)
    #expect(answer.intent == .unknown, "\(question)")
    #expect(
      (answer.answer.contains("Yann LeCun") || answer.answer.contains("Sam Altman"))
        && answer.answer.contains(count), "\(answer.answer)")
    #expect(answer.slots["sessions"] == nil, "\(answer.slots)")
  }

  @Test(
    "ordinary words, or what follows 'can I', are no name: the answer calls them no missing exhibitor",
    arguments: [
      "where can I charge my phone", "where can I buy a bottle of water",
      "where do I recharge my battery", "哪里可以充电", "Wo kann ich mein Handy aufladen?",
    ])
  func ordinaryWordsAreNoName(question: String) {
    let answer = AnswerFixture.ask(question)
    for list in ["exhibitor list", "展商名单", "Ausstellerliste"] {
      #expect(!answer.answer.contains(list), "\(question): \(answer.answer)")
    }
    // A name after the same words still is one.
    #expect(AnswerFixture.ask("where can I find Nvidia").answer.contains("Nvidia is not in"))
  }

  @Test(
    "an exhibitor the pack does not have is named, with the list's size, not a wrong booth",
    arguments: [
      ("is samsung exhibiting", "Samsung", "46"), ("英伟达的展位在哪", "英伟达", "46"),
      ("Wo ist der Stand von Nvidia?", "Nvidia", "46"),
    ])
  func missingExhibitor(question: String, name: String, count: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .unknown, "\(question)")
    #expect(answer.answer.contains(name) && answer.answer.contains(count), "\(answer.answer)")
  }

  @Test(
    "questions about other things are not answered from the event",
    arguments: [
      "What time does Shanghai Disneyland close?", "what was Huawei's revenue last year",
      "北京明天天气怎么样", "Wie wird das Wetter morgen in Berlin?", "华为的股价是多少",
    ])
  func honest(question: String) {
    #expect(AnswerFixture.ask(question).intent == .unknown, "\(question)")
  }

  @Test("visitor-facing text shows no file names, field names or command lines")
  func noInternals() {
    for question in [
      "where is unitree", "plan me two hours of robotics", "when is the main forum",
      "宇树科技在哪里", "Wann ist das Hauptforum?", "what's the wifi", "tell me about city walk 2",
    ] {
      let text = AnswerFixture.ask(question).answer
      for marker in ["seed:", ".txt", ".json", "hiwaic ", "~ modelled:", "title.zh", "--"] {
        #expect(!text.contains(marker), "\(question): \(marker) in \(text)")
      }
    }
  }

  @Test(
    "a City Walk by its position is that route, in three languages",
    arguments: [
      ("Where does the second City Walk go?", "low-altitude-autonomous"),
      ("Wo startet der erste Stadtspaziergang?", "robots-at-work"),
      ("第三条城市漫步有哪些站", "ai-landmarks"),
    ])
  func cityWalkByPosition(question: String, route: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .cityWalk)
    #expect(answer.slots["route"] == .text(route), "\(question): \(answer.slots)")
  }

  @Test(
    "a name in another script leaves the language to the words around it",
    arguments: [
      ("where is 宇树科技", Language.en), ("Wo ist 宇树科技?", .de), ("宇树科技在哪里", .zh),
      ("Unitree在哪里", .zh),
    ])
  func languageAroundNames(question: String, language: Language) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.language == language, "\(question)")
    #expect(answer.intent == .findExhibitor, "\(question)")
    #expect(answer.entities.contains { $0.id == "unitree" }, "\(question): \(answer.entities)")
  }

  @Test(
    "a need names what meets it: where the visitor stands is known, the way to the nearest",
    arguments: [
      ("so thirsty", "Nearest", "water"), ("我口渴了", "最近的", "饮水"),
      ("Ich habe Durst", "Am nächsten", "Trinkwasser"), ("I feel sick", "Nearest", "First aid"),
      ("我有点不舒服", "最近的", "急救"), ("Ich bin krank", "Am nächsten", "Erste Hilfe"),
    ])
  func needs(question: String, nearest: String, facility: String) {
    let answer = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.hasPrefix(nearest), "\(question): \(answer.answer)")
    #expect(answer.answer.contains(facility), "\(question): \(answer.answer)")
  }

  @Test(
    "title words that only name a topic pick every session on it, not the one titled so",
    arguments: [
      "which forums on large models are on Sunday", "周日有哪些关于大模型的论坛",
      "Welche Foren zu großen Modellen gibt es am Sonntag?",
    ])
  func topicWordsInTitles(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    // The forum whose title says "large models" is on Saturday; two sessions on the topic are
    // on Sunday.
    #expect(
      answer.slots["sessions"] == .list(["chamber-ai-committee", "intelligent-dialogues"]),
      "\(question): \(answer.slots)")
  }

  @Test("a facility word inside an information keyword is part of it")
  func facilityInsideKeyword() {
    let request = AnswerFixture.matcher.request(
      for: "what is the entrance fee", context: AnswerFixture.context())
    #expect(request.facilities.isEmpty, "\(request.facilities)")
    #expect(request.infoHits["ticket-prices"] != nil)
    let answer = AnswerFixture.ask("what is the entrance fee", at: "eh-1f-north")
    #expect(answer.intent == .venueInfo)
    #expect(answer.slots["info"] == .text("ticket-prices"), "\(answer.slots)")
  }

  @Test(
    "a way asked to a place the pack does not have says so, naming the place, not an exhibitor",
    arguments: [
      ("what's the quickest way to the Bund from here", "Bund", "I don't know the way"),
      ("外滩离这里多远", "外滩", "我不知道去"), ("Wie weit ist es zum Bund?", "Bund", "Den Weg nach"),
    ])
  func wayToAnUnknownPlace(question: String, place: String, opening: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .unknown, "\(question)")
    #expect(answer.answer.hasPrefix(opening), "\(question): \(answer.answer)")
    #expect(answer.answer.contains(place), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("exhibitor") && !answer.answer.contains("展商"))
    #expect(!answer.answer.contains("Aussteller"))
  }

  @Test(
    "what comes next in a room, with nothing there for two hours: the next session there",
    arguments: [
      ("what's next in the Green Hall", "Meteorological Forum"), ("接下来绿厅有什么", "之后的活动"),
      ("Was kommt als Nächstes in der Grünen Halle?", "Meteorologie"),
    ])
  func nextInARoom(question: String, marker: String) {
    let answer = AnswerFixture.ask(question)
    #expect([.nowNearby, .findSession].contains(answer.intent), "\(question)")
    #expect(answer.answer.contains(marker), "\(question): \(answer.answer)")
    // At ten on the first day the Green Hall's next session is the forum at two.
    guard case .list(let sessions)? = answer.slots["sessions"] else {
      Issue.record("\(question): no sessions in \(answer.slots)")
      return
    }
    #expect(sessions.first == "meteorological-forum", "\(question): \(sessions)")
  }

  @Test("a one-word cue inside a longer cue of another intent is part of it")
  func cueInsideLongerCue() {
    let request = AnswerFixture.matcher.request(
      for: "Was kommt als Nächstes?", context: AnswerFixture.context())
    #expect(request.intent != .directions, "\(request.intent)")
    #expect(request.time.isNext)
    // "nächste" alone still asks for the nearest.
    let nearest = AnswerFixture.ask("Wo ist die nächste Toilette?", at: "eh-1f-north")
    #expect(nearest.intent == .directions)
  }

  @Test(
    "a day of the event without sessions says what the day has: the exhibition",
    arguments: [
      ("what's on the last day", "exhibition only"),
      ("Was läuft am letzten Tag?", "nur Ausstellung"),
      ("最后一天有什么活动", "仅展览"),
    ])
  func exhibitionOnlyDay(question: String, note: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.contains(note), "\(question): \(answer.answer)")
  }

  @Test(
    "weather with no place is the venue's; weather elsewhere is not",
    arguments: [
      ("what's the weather like at the venue", true), ("Wird es während der Messe regnen?", true),
      ("现场天气好吗", true),
      ("what's the weather like in Munich", false), ("Wie ist das Wetter in Hamburg?", false),
      ("广州天气怎么样", false),
    ])
  func weather(question: String, venue: Bool) {
    let answer = AnswerFixture.ask(question)
    if venue {
      #expect(answer.intent == .venueInfo, "\(question)")
      #expect(answer.slots["info"] == .text("weather"), "\(question): \(answer.slots)")
    } else {
      #expect(answer.intent == .unknown, "\(question)")
    }
  }

  @Test(
    "feeling unwell is a question for first aid, not for the help menu",
    arguments: [
      ("I feel dizzy, where can I get help", "irst-aid"),
      ("I feel faint, is there a doctor", "irst-aid"),
      ("Mir ist schwindelig, wo bekomme ich Hilfe?", "Erste"),
      ("Ich glaube, ich habe einen Sonnenstich", "Erste"),
      ("我头晕，哪里可以求助", "急救"), ("我好像中暑了", "急救"),
    ])
  func feelingUnwell(question: String, words: String) {
    let answer = AnswerFixture.ask(question)
    #expect([.venueInfo, .directions].contains(answer.intent), "\(question)")
    #expect(answer.answer.contains(words), "\(question): \(answer.answer)")
  }

  @Test(
    "an ordinary word of an exhibit's description names no exhibitor; a demo's own name does",
    arguments: [
      ("Gibt es Tickets unter 100 Yuan?", nil), ("is there anything such as a robot cafe", nil),
      ("Wo werden Drohnen gezeigt?", nil), ("what was released behind the main stage", nil),
      ("麻将机器人在哪", "psi-robot"), ("Wo spielt der Roboter Mahjong?", "psi-robot"),
      ("where can I watch robots boxing", "unitree"),
    ])
  func descriptionWords(question: String, exhibitor: String?) {
    let answer = AnswerFixture.ask(question)
    let named = answer.entities.filter { $0.type == .exhibitor }.map(\.id)
    if let exhibitor {
      #expect(named.contains(exhibitor), "\(question): \(named)")
    } else {
      #expect(named.isEmpty, "\(question): \(named)")
    }
  }

  @Test(
    "a part of a title made of stop words names no session, and 'am' far from a number is no clock",
    arguments: [
      ("Gibt es ein Forum über KI und Bildung am Montag?", "Montag, 28. Juli"),
      ("is there one talk on robotics on Monday I am keen on", "Monday 28 July"),
    ])
  func stopWordParts(question: String, window: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.hasPrefix(window + ":"), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("01:00"), "\(question): \(answer.answer)")
  }

  @Test(
    "who organises the event is an event fact of its own, said as a report gives it; where it is held still wins",
    arguments: [
      ("who hosts the conference", "co-hosted by", false),
      ("Wer veranstaltet die WAIC?", "Mitveranstalter", false),
      ("WAIC是谁主办的", "共同主办", false),
      ("Wo wird die Konferenz veranstaltet?", "Shanghai World Expo Center", true),
      ("where is WAIC hosted", "Shanghai World Expo Center", true),
    ])
  func organisers(question: String, words: String, isPlace: Bool) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .eventInfo, "\(question)")
    #expect(answer.answer.contains(words), "\(question): \(answer.answer)")
    if isPlace {
      #expect(!answer.answer.contains("Ministry") && !answer.answer.contains("Mitveranstalter"))
    }
  }

  @Test(
    "a question no reading stands out for is not answered as the likeliest of weak readings",
    arguments: [
      "Wo gibt es das beste Xiaolongbao in Shanghai?",
      "where can I get the best xiaolongbao in Shanghai", "上海哪里的小笼包最好吃",
    ])
  func noStandOutReading(question: String) {
    #expect(AnswerFixture.ask(question).intent == .unknown, "\(question)")
  }

  @Test(
    "exhibitors asked for with nothing to choose them by: all of them, said so",
    arguments: [
      ("which exhibitors are there", "All exhibitors:"),
      ("Zeig mir alle Aussteller", "Alle Aussteller:"),
      ("有哪些展商", "全部展商："),
    ])
  func allExhibitors(question: String, heading: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question)")
    #expect(answer.answer.hasPrefix(heading), "\(question): \(answer.answer)")
  }

  @Test("an exhibitor asked for by a City Walk stop's words gets the walk, not every exhibitor")
  func exhibitorByStop() {
    let answer = AnswerFixture.ask("哪个展商会叠衣服")
    #expect(answer.answer.hasPrefix("这是城市漫步的一站"), "\(answer.answer)")
    #expect(answer.answer.contains("千寻智能叠衣服"), "\(answer.answer)")
  }

  @Test(
    "German inflection endings keep a word's meaning; an everyday German verb is no misspelt keyword",
    arguments: [
      ("Gibt es etwas zu selbstfahrenden Autos?", "autonomous-driving"),
      ("Welche Aussteller zeigen selbstfahrende Autos?", "autonomous-driving"),
    ])
  func germanInflection(question: String, topic: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.entities.contains { $0.id == topic }, "\(question): \(answer.entities)")
  }

  @Test("an everyday German verb is not corrected to a practical keyword ('heißt' is not 'heiß')")
  func germanEverydayVerb() {
    let answer = AnswerFixture.ask("Wie heißt der Bundeskanzler?")
    #expect(answer.intent == .unknown, "\(answer.answer)")
  }

  @Test(
    "everyday German words are not corrected into names: Tasche is no Wäsche, statt no Stadt, sieben no Siemens",
    arguments: [
      ("Ich habe meine Tasche verloren, wo ist das Fundbüro?", "qianxun"),
      ("Welche Veranstaltungen finden heute noch statt?", "smart-city"),
      ("Gibt es um sieben Uhr noch etwas?", "siemens"),
      ("Welche Stände passen zu mir?", "robots-at-work"),
    ])
  func germanEverydayWords(question: String, wrongly: String) {
    let answer = AnswerFixture.ask(question)
    #expect(!answer.entities.contains { $0.id == wrongly }, "\(question): \(answer.entities)")
  }

  @Test(
    "a day of the month written as an ordinal names that event day",
    arguments: [
      ("what forums are on the 27th", "Sunday 27 July"),
      ("anything on the 28th in the afternoon", "Monday 28 July, afternoon"),
      ("what's on July 27th", "Sunday 27 July"),
    ])
  func ordinalDayOfMonth(question: String, window: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.hasPrefix(window + ":"), "\(question): \(answer.answer)")
  }

  @Test(
    "a walk from one named place to another is the way, though the names are information keywords; by metro it is the information",
    arguments: [
      (
        "how long does it take to walk from the expo center to the exhibition hall",
        Intent.directions
      ),
      ("wie lange läuft man vom Expo Center zur Ausstellungshalle", .directions),
      ("从世博中心走到世博展览馆要多久", .directions),
      ("how do I get from the expo hall to the West Bund by metro", .venueInfo),
    ])
  func walkBetweenPlaces(question: String, intent: Intent) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == intent, "\(question): \(answer.answer)")
    if intent == .directions {
      #expect(answer.answer.contains("866"), "\(question): \(answer.answer)")
    }
  }

  @Test("nothing on now in a room: said so, with what comes next there")
  func nothingOnNowInRoom() {
    let answer = AnswerFixture.ask("what's happening right now in the green hall")
    #expect(
      answer.answer.hasPrefix("Nothing on right now in Green Hall. Next:"), "\(answer.answer)")
    #expect(answer.answer.contains("14:00"), "\(answer.answer)")
  }

  @Test(
    "a German room name in the case after 'der' is the room",
    arguments: [
      "Wo ist der Rote Saal?", "Wie komme ich zum Goldenen Saal?", "Wo ist der grüne Saal",
    ])
  func germanRoomCases(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.entities.contains { $0.type == .room }, "\(question): \(answer.entities)")
  }

  @Test(
    "weather asked in words training has few of is still the venue's: known to fail",
    arguments: ["how's the weather looking", "天气如何"])
  func weatherFewWords(question: String) {
    // The model puts these near its threshold (0.6–0.8 in scope) and one retraining flips
    // them: "looking" and 如何 are mostly words of off-topic requests in training.
    withKnownIssue("borderline for the intent model", isIntermittent: true) {
      let answer = AnswerFixture.ask(question)
      #expect(answer.intent == .venueInfo, "\(question)")
    }
  }

  @Test("the last City Walk is the last route")
  func lastCityWalk() {
    let answer = AnswerFixture.ask("tell me about the last city walk")
    #expect(answer.intent == .cityWalk)
    #expect(answer.slots["route"] == .text("ai-landmarks"), "\(answer.slots)")
  }

  @Test(
    "an entrance by the name visitors use is where the walk starts, and a hall where it ends",
    arguments: [
      ("how do I get to Hall H3 from the north entrance", "About 4 min"),
      ("从北门到H3馆怎么走", "步行约4分钟"), ("Wie komme ich vom Nordeingang zur Halle H3?", "Etwa 4 Min."),
    ])
  func entranceAsOrigin(question: String, walk: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.slots["from"] == .text("eh-1f-north"), "\(question): \(answer.slots)")
    #expect(answer.answer.contains(walk), "\(question): \(answer.answer)")
    // The entrance is named, not listed among all entrances.
    #expect(!answer.answer.contains("west"), "\(question): \(answer.answer)")
  }

  @Test(
    "an entrance asked for by its own name is that one, its modelled place marked",
    arguments: [
      ("where is the south entrance", "~Expo Center south entrance"), ("南门在哪里", "~世博中心南入口"),
      ("Wo ist der Südeingang?", "~Südeingang des Expo Centers"),
    ])
  func entranceByName(question: String, place: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.hasPrefix(place), "\(question): \(answer.answer)")
  }

  @Test(
    "an identity document asked about at the door is the entry rules, not the ticket prices",
    arguments: [
      "do I need my passport to get in", "入场需要带证件吗", "Brauche ich meinen Ausweis für den Einlass?",
    ])
  func entryDocuments(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .venueInfo, "\(question)")
    #expect(answer.slots["info"] == .text("ticket-entry"), "\(question): \(answer.slots)")
  }

  @Test(
    "wanting a drink names drinking water, the nearest where the visitor stands is known",
    arguments: [
      ("I need something to drink", "Nearest"), ("Wo kann ich etwas trinken?", "Am nächsten"),
      ("哪里可以喝水", "最近的"),
    ])
  func somethingToDrink(question: String, nearest: String) {
    let answer = AnswerFixture.ask(question, at: "eh-1f-north")
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.hasPrefix(nearest), "\(question): \(answer.answer)")
    #expect(answer.slots["facility"] == .text("water"), "\(question): \(answer.slots)")
  }

  @Test(
    "a facility near a named place is the one nearest that place, not every one",
    arguments: [
      ("nearest toilet to the Gold Hall", "Nearest to Gold Hall"),
      ("红厅附近的洗手间在哪", "离红厅最近的"),
      ("Wo ist die nächste Toilette bei der Roten Halle?", "Am nächsten zu „Rote Halle“"),
    ])
  func facilityNearAPlace(question: String, opening: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .directions, "\(question)")
    #expect(answer.answer.hasPrefix(opening), "\(question): \(answer.answer)")
    // Both halls are on the Expo Center's 2F: its restrooms, not the exhibition hall's.
    #expect(answer.slots["to"] == .text("ec-2f-wc"), "\(question): \(answer.slots)")
  }

  @Test(
    "a length said without a number is the plan's budget: half a day is four hours, a whole day eight",
    arguments: [
      ("I have half a day, show me robots", 240.0), ("我们有半天时间，想看具身智能", 240),
      ("Ich habe einen halben Tag für Robotik", 240),
      ("we've got the whole day, plan it around AI chips", 480), ("我有一整天，帮我安排看大模型", 480),
      ("Wir haben den ganzen Tag, plane etwas mit KI-Chips", 480),
    ])
  func lengthWithoutNumber(question: String, minutes: Double) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .planRoute, "\(question): \(answer.answer)")
    #expect(answer.slots["budgetMinutes"] == .number(minutes), "\(question)")
  }

  @Test(
    "makers of something are its exhibitors, a German compound with -hersteller included",
    arguments: [
      ("who are the chip manufacturers here", "ai-chips"), ("有哪些机器人厂商", "robotics"),
      ("Wo sind die Chiphersteller?", "ai-chips"),
    ])
  func makersAreExhibitors(question: String, topic: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question): \(answer.answer)")
    #expect(answer.entities.contains { $0.type == .topic && $0.id == topic }, "\(question)")
  }

  @Test(
    "a talk asked for on a subject no session has: said so, not the whole programme",
    arguments: [
      ("are there any talks about blockchain", "“Blockchain”"), ("有没有关于元宇宙的论坛", "“元宇宙”"),
      ("Gibt es einen Vortrag über Blockchain?", "„Blockchain“"),
    ])
  func unknownSubject(question: String, subject: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.contains(subject), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("•"), "\(question): \(answer.answer)")
    #expect(AnswerClassTests.slot(answer, "unanswered") == "not_listed", "\(question)")
  }

  @Test(
    "a subject no session has at a time the question names: said so, then that time's programme",
    arguments: [
      (
        "any talks about blockchain tomorrow afternoon", "“Blockchain”", "Sunday 27 July, afternoon"
      ),
      ("明天下午有关于元宇宙的活动吗", "“元宇宙”", "7月27日（周日）下午"),
      (
        "Gibt es morgen Nachmittag etwas über Blockchain?", "„Blockchain“",
        "Sonntag, 27. Juli, nachmittags"
      ),
    ])
  func unknownSubjectAtTime(question: String, subject: String, window: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.contains(subject), "\(question): \(answer.answer)")
    #expect(answer.answer.contains(window), "\(question): \(answer.answer)")
    #expect(answer.answer.contains("•"), "\(question): \(answer.answer)")
  }

  @Test(
    "after lunch is the afternoon, and a morning forum that runs past noon is not in it",
    arguments: [
      "anything after lunch tomorrow", "明天午饭后有什么活动", "Was gibt es morgen nach dem Mittagessen?",
    ])
  func afterLunch(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(AnswerClassTests.slot(answer, "partOfDay") == "afternoon", "\(question)")
    // Sunday's morning forums end at 12:00; none of them is listed for the afternoon.
    let listed =
      AnswerClassTests.slot(answer, "sessions")?.split(separator: ",").map(String.init) ?? []
    #expect(!listed.isEmpty, "\(question)")
    #expect(!listed.contains("fintech-ai-forum"), "\(question): \(listed)")
  }

  @Test(
    "a morning session that overruns noon by less than an hour is not an afternoon session",
    arguments: ["what's on this afternoon", "今天下午有什么活动", "Was läuft heute Nachmittag?"])
  func afternoonStartsAfterTheMorning(question: String) {
    let answer = AnswerFixture.ask(question)
    let listed =
      AnswerClassTests.slot(answer, "sessions")?.split(separator: ",").map(String.init) ?? []
    // The Main Forum runs 11:15–13:00 on the first day.
    #expect(!listed.contains("main-forum"), "\(question): \(listed)")
    #expect(listed.contains("science-frontiers"), "\(question): \(listed)")
  }

  @Test(
    "registering and a passport ask how to get in",
    arguments: ["how do I register", "入场要带护照吗", "Muss ich mich vorher registrieren?"])
  func registration(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .venueInfo, "\(question): \(answer.answer)")
    #expect(AnswerClassTests.slot(answer, "info") == "ticket-entry", "\(question)")
  }

  @Test(
    "a German company asked after with \"stellt … aus\" or \"auch da\" is a missing exhibitor when not listed",
    arguments: ["Stellt OpenAI hier aus?", "Ist Nvidia auch da?"])
  func germanPresence(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(
      answer.answer.contains("steht nicht in meiner Ausstellerliste"),
      "\(question): \(answer.answer)")
  }

  @Test(
    "what is on, asked for another day, is that day's programme, not what is on now",
    arguments: [
      ("Was läuft übermorgen?", "Montag, 28. Juli"), ("后天现在有什么活动", "7月28日（周一）"),
      ("what's on on Monday right now", "Monday 28 July"),
      ("Was läuft am Montag gerade?", "Montag, 28. Juli"),
    ])
  func nowOnAnotherDay(question: String, window: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question): \(answer.answer)")
    #expect(answer.answer.hasPrefix(window), "\(question): \(answer.answer)")
    #expect(answer.answer.contains("•"), "\(question): \(answer.answer)")
  }

  @Test(
    "what to see in a length of time is a plan for it",
    arguments: [
      ("Was sollte ich mir in einer Stunde ansehen?", 60.0),
      ("what should I look at in two hours", 120),
      ("我一个小时能看什么", 60),
    ])
  func suggestionForATime(question: String, minutes: Double) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .planRoute, "\(question): \(answer.answer)")
    #expect(answer.slots["budgetMinutes"] == .number(minutes), "\(question)")
  }

  @Test(
    "automation is industrial AI and start-ups their topic, in every language",
    arguments: [
      ("who does industrial automation", "industrial-ai"), ("有做工业自动化的吗", "industrial-ai"),
      ("Gibt es hier etwas zu Industrieautomatisierung?", "industrial-ai"),
      ("初创公司都在哪", "startups-investment"), ("where are the startups", "startups-investment"),
    ])
  func automationAndStartups(question: String, topic: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question): \(answer.answer)")
    #expect(answer.entities.contains { $0.type == .topic && $0.id == topic }, "\(question)")
  }

  @Test(
    "panels are sessions",
    arguments: ["Welche Podiumsdiskussionen gibt es?", "any panels tomorrow", "有哪些圆桌"])
  func panels(question: String) {
    #expect(AnswerFixture.ask(question).intent == .findSession, "\(question)")
  }

  @Test(
    "a clock range is read from its start to its end, and the answer names it",
    arguments: [
      ("Was gibt es morgen zwischen 14 und 16 Uhr?", "Sonntag, 27. Juli, 14:00–16:00"),
      ("what's on tomorrow from 2 to 4pm", "Sunday 27 July, 14:00–16:00"),
      ("明天下午两点到四点有哪些活动", "7月27日（周日）下午14:00–16:00"),
    ])
  func clockRange(question: String, window: String) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.time.clock == 14 * 60, "\(question)")
    #expect(request.time.clockEnd == 16 * 60, "\(question)")
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.hasPrefix(window), "\(question): \(answer.answer)")
    // What runs in the range: the forums from 14:00, none of the morning's.
    let listed =
      AnswerClassTests.slot(answer, "sessions")?.split(separator: ",").map(String.init) ?? []
    #expect(listed.contains("embodied-ai-forum"), "\(question): \(listed)")
    #expect(!listed.contains("fintech-ai-forum"), "\(question): \(listed)")
  }

  @Test(
    "a part of the day after a range keeps the range in order",
    arguments: [
      ("anything from 11 to 1pm in the afternoon", 11 * 60, 13 * 60),
      ("Was gibt es zwischen 2 und 4 Uhr am Nachmittag?", 14 * 60, 16 * 60),
    ])
  func rangeWithPart(question: String, start: Int, end: Int) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.time.clock == start, "\(question)")
    #expect(request.time.clockEnd == end, "\(question)")
  }

  @Test(
    "a plan over a clock range lasts as long as the range",
    arguments: [
      "plan me something from 2 to 4pm with robots", "von 10 bis 12 Uhr einen Plan für Chips",
      "下午两点到四点帮我规划看机器人",
    ])
  func planOverRange(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .planRoute, "\(question): \(answer.answer)")
    #expect(answer.slots["budgetMinutes"] == .number(120), "\(question)")
  }

  @Test(
    "half past, halb, quarter past and Viertel nach move the hour",
    arguments: [
      ("Was läuft heute um halb drei?", 14 * 60 + 30),
      ("anything at half past two tomorrow", 14 * 60 + 30),
      ("forums at quarter past nine on Sunday", 9 * 60 + 15),
      ("Was läuft morgen um Viertel nach zehn?", 10 * 60 + 15),
      ("what's on at quarter to eleven", 10 * 60 + 45),
      ("Gibt es um Viertel vor drei etwas?", 14 * 60 + 45),
    ])
  func clockFractions(question: String, clock: Int) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.time.clock == clock, "\(question)")
    #expect(request.time.clockEnd == nil, "\(question)")
  }

  @Test(
    "an amenity no pack maps is said to be unknown, not a missing exhibitor nor every exhibitor",
    arguments: [
      ("where is the cloakroom", "“cloakroom”"),
      ("Wo finde ich einen Geldautomaten?", "„Geldautomat“"),
      ("哪里有取款机", "“取款机”"), ("is there a phone charger somewhere", "“phone charging”"),
      ("Gibt es hier eine Ladestation fürs Handy?", "„Lademöglichkeiten“"), ("衣帽间在哪", "“衣帽间”"),
    ])
  func unlistedAmenity(question: String, named: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .unknown, "\(question): \(answer.answer)")
    #expect(answer.answer.contains(named), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("exhibitor") && !answer.answer.contains("Aussteller"))
    #expect(!answer.answer.contains("展商"), "\(question): \(answer.answer)")
    #expect(AnswerClassTests.slot(answer, "unanswered") == "not_listed", "\(question)")
  }

  @Test(
    "an amenity's word after a word for companies of several characters is what they make",
    // One-word cues ("companies", "Firmen") count as question words here: in English and German
    // the amenity is still taken as asked for (noted in issue 12).
    arguments: ["有做充电桩的公司吗", "哪些企业做充电设备"])
  func amenityAsProduct(question: String) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.unlistedFacility == nil, "\(question)")
  }

  @Test("a German missing name keeps its umlauts as typed")
  func missingNameUmlauts() {
    let answer = AnswerFixture.ask("Wo ist der Stand von Müller Kühltechnik?")
    #expect(answer.answer.contains("Müller Kühltechnik"), "\(answer.answer)")
  }

  @Test(
    "where something is, asked from where the visitor says they stand, is the way from there",
    arguments: [
      ("I'm at Huawei, where is Baidu?", "About 1 min on foot"),
      ("Ich stehe bei Huawei, wo ist Baidu?", "Etwa 1 Min. zu Fuß"), ("我在华为，百度在哪", "步行约1分钟"),
    ])
  func whereFromHere(question: String, walk: String) {
    let reply = AnswerFixture.assistant.reply(to: question, context: AnswerFixture.context())
    #expect(reply.answer.intent == .directions, "\(question): \(reply.text)")
    #expect(reply.text.contains("Baidu") || reply.text.contains("百度"), "\(question)")
    #expect(!reply.text.hasPrefix("Huawei") && !reply.text.hasPrefix("华为"), "\(reply.text)")
    #expect(reply.text.contains(walk), "\(question): \(reply.text)")
  }

  @Test(
    "a German compound for a session kind names the session whose title has its head",
    arguments: [
      ("Wann beginnt die Eröffnungsfeier?", "opening-ceremony"),
      ("Um wie viel Uhr ist die Abschlussfeier?", "closing-ceremony"),
    ])
  func germanTitleHeads(question: String, session: String) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.sessionParts[session] != nil, "\(question): \(request.sessionParts)")
    let answer = AnswerFixture.ask(question)
    #expect(
      AnswerClassTests.slot(answer, "sessions")?.hasPrefix(session) == true, "\(answer.answer)")
  }

  @Test(
    "a topic no exhibitor has but a session does: the session is offered",
    arguments: [
      "Gibt es Aussteller zu Mathematik?", "any exhibitors on mathematics", "有数学相关的展商吗",
    ])
  func topicOnlyOnTheProgramme(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question)")
    #expect(AnswerClassTests.slot(answer, "sessions") == "mathematics-forum", "\(answer.answer)")
    #expect(answer.answer.contains("•"), "\(answer.answer)")
  }

  @Test(
    "of unknown words, the name looked for is the longest, not a chat abbreviation",
    arguments: [
      ("can u tell me where iflytek is", "Iflytek"),
      ("pls where r the Cognizant booths", "Cognizant"),
    ])
  func chatWordsAreNoNames(question: String, name: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.answer.hasPrefix(name + " is not in my exhibitor list"), "\(answer.answer)")
  }

  @Test(
    "the way to a session is the way to its room, with when it is on",
    arguments: [
      ("how do I get to the main forum from the Expo Center south entrance", "Red Hall"),
      ("从宇树怎么去具身智能论坛", "绿厅"),
      ("Wie komme ich von Unitree zum Forum für verkörperte Intelligenz?", "Grüne Halle"),
    ])
  func wayToASession(question: String, room: String) {
    let reply = AnswerFixture.assistant.reply(to: question, context: AnswerFixture.context())
    #expect(reply.answer.intent == .directions, "\(question): \(reply.text)")
    #expect(reply.directions != nil, "\(question): \(reply.text)")
    #expect(reply.text.contains(room), "\(question): \(reply.text)")
    #expect(reply.answer.slots["sessions"] != nil, "\(question)")
  }

  @Test(
    "a demo asked for with the topic its walk is about gets the walk",
    arguments: ["where can I see the cola robot", "Wo ist der Roboter, der Cola verteilt?"])
  func demoWithItsTopic(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect([.findExhibitor, .cityWalk].contains(answer.intent), "\(question)")
    #expect(answer.answer.contains("AgiBot"), "\(question): \(answer.answer)")
    #expect(AnswerClassTests.slot(answer, "exhibitors") == nil, "\(question): \(answer.answer)")
  }

  @Test(
    "a walk from a kind of place to another: from the first of the kind to the nearest of the other",
    arguments: [
      ("how do I walk from the entrance to the toilets", "Nearest to Expo Hall north entrance"),
      ("从入口到洗手间怎么走", "离世博展览馆北入口最近的"),
      (
        "Wie komme ich vom Eingang zu den Toiletten?",
        "Am nächsten zu „Nordeingang der Ausstellungshalle“"
      ),
    ])
  func facilityToFacility(question: String, start: String) {
    let reply = AnswerFixture.assistant.reply(to: question, context: AnswerFixture.context())
    #expect(reply.answer.intent == .directions, "\(question): \(reply.text)")
    #expect(reply.text.hasPrefix(start), "\(question): \(reply.text)")
    // A way, not a list of entrances.
    #expect(reply.directions?.from == "eh-1f-north", "\(question): \(reply.text)")
    #expect(reply.directions?.to.contains("wc") == true, "\(question): \(reply.text)")
    #expect(!reply.text.contains("•"), "\(question): \(reply.text)")
  }

  @Test(
    "how far one place is from another is the way between them",
    arguments: [
      "百度离特斯拉远不远", "what's the distance between Baidu and Tesla",
      "Wie lange geht man von Baidu zu Tesla?",
    ])
  func howFarApart(question: String) {
    let reply = AnswerFixture.assistant.reply(to: question, context: AnswerFixture.context())
    #expect(reply.answer.intent == .directions, "\(question): \(reply.text)")
    #expect(reply.directions != nil, "\(question): \(reply.text)")
  }

  @Test(
    "a German length as an adjective (dreistündig, halbstündig) is how long the plan is",
    arguments: [
      ("Ich möchte einen zweistündigen Rundgang zu humanoiden Robotern", 120.0),
      ("ein halbstündiger Besuch bei den Robotern", 30.0),
      ("eine anderthalbstündige Tour", 90.0),
    ])
  func germanLengthAdjectives(question: String, minutes: Double) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.duration == minutes, "\(question)")
    let reply = AnswerFixture.assistant.reply(to: question, context: AnswerFixture.context())
    #expect(reply.plan?.request.budgetMinutes == minutes, "\(question): \(reply.text)")
  }

  @Test("a German topic is found with the ending its sentence gives the adjective")
  func germanAdjectiveEndings() {
    let forms = MatcherIndex.germanAdjectiveForms("Verkörperte KI")
    #expect(forms.contains("verkörperter ki") && forms.contains("verkörperten ki"), "\(forms)")
    #expect(!forms.contains("verkörperte ki"), "the name itself is not a new form: \(forms)")
    #expect(MatcherIndex.germanAdjectiveForms("Robotik").isEmpty)
    for question in [
      "Zeig mir Aussteller zu verkörperter KI", "Gibt es etwas über autonomes Fahren?",
    ] {
      let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
      #expect(request.entities.contains { $0.reference.type == .topic }, "\(question)")
    }
  }

  @Test(
    "the City Walk's routes each say how long they are, as the language writes numbers",
    arguments: [
      ("how long are the city walks", "km, ~"), ("城市漫步每条路线多长", "公里，停留~"),
      ("Wie lang sind die Stadtspaziergänge?", "1,6 km"),
    ])
  func cityWalkLengths(question: String, expected: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .cityWalk, "\(question)")
    #expect(answer.answer.contains(expected), "\(question): \(answer.answer)")
    #expect(
      !answer.answer.contains("(5站"), "a Chinese bracket pairs with its own: \(answer.answer)")
  }

  @Test(
    "a nationality before a kind of exhibitor still asks for exhibitors",
    arguments: ["are there any korean robot makers", "gibt es koreanische Roboterhersteller"])
  func nationalityOfExhibitors(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question): \(answer.answer)")
  }

  @Test(
    "German words for hospitals and for taxis name the topic and the place",
    arguments: [("Aussteller für Kliniken", "topic"), ("Wo stehen Taxis?", "taxi")])
  func germanHospitalsAndTaxis(question: String, expected: String) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    if expected == "topic" {
      #expect(request.entities.contains { $0.reference.id == "healthcare" }, "\(question)")
    } else {
      #expect(request.facilities.contains(expected), "\(question): \(request.facilities)")
    }
  }
}

@Suite("Suggestions under an answer")
struct SuggestionTests {
  @Test(
    "a suggestion under a session answer works when chosen, on its own",
    arguments: ["when is the main forum", "闭幕式什么时候", "Wann ist die Abschlusszeremonie?"])
  func sessionSuggestions(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(!answer.suggestions.isEmpty)
    for suggestion in answer.suggestions {
      let followUp = AnswerFixture.ask(suggestion, at: "eh-1f-north")
      #expect(followUp.intent != .unknown, "\(question) → \(suggestion)")
      #expect(followUp.language == answer.language, "\(suggestion)")
    }
  }

  @Test(
    "a demo named exactly as a topic leaves the word to the topic: every exhibitor of it is listed",
    arguments: [
      "我想看人形机器人", "I'd like to see humanoid robots", "Ich möchte humanoide Roboter sehen",
    ])
  func demoNamedAsTopic(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findExhibitor, "\(question)")
    #expect(
      answer.entities.contains { $0.type == .topic && $0.id == "humanoid-robots" }, "\(question)")
    #expect(!answer.entities.contains { $0.type == .exhibitor }, "\(question): \(answer.entities)")
    let listed = answer.answer.split(separator: "\n").filter { $0.hasPrefix("•") }
    #expect(listed.count >= 3, "\(question): \(answer.answer)")
  }

  @Test(
    "the unit of a duration is no keyword: 'one hour' asks for no opening hours",
    arguments: [
      ("plan one hour of robots for me", 60.0), ("give me a 2 hour tour", 120.0),
      ("Plane mir 2 Stunden mit Robotern", 120.0), ("帮我安排两个小时看机器人", 120.0),
    ])
  func durationIsNoKeyword(question: String, minutes: Double) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.duration == minutes, "\(question)")
    #expect(request.infoHits["opening-hours"] == nil, "\(question): \(request.infoHits)")
    // The same word without a number still asks for the hours.
    let hours = AnswerFixture.matcher.request(
      for: "what are the opening hours", context: AnswerFixture.context())
    #expect(hours.infoHits["opening-hours"] != nil)
  }

  @Test(
    "of the sessions on a topic, the one whose title names it comes first",
    arguments: [
      "Wer redet auf dem Forum zur KI-Sicherheit?", "who is on stage at the forum on AI safety",
      "人工智能安全的论坛有哪些嘉宾",
    ])
  func topicSessionTitledFirst(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    guard case .list(let sessions)? = answer.slots["sessions"] else {
      Issue.record("\(question): no sessions in \(answer.slots)")
      return
    }
    #expect(sessions.count >= 2, "\(question): \(sessions)")
    #expect(sessions.first == "ai-safety-governance-forum", "\(question): \(sessions)")
  }

  @Test(
    "a City Walk route named by its place in the list",
    arguments: [
      "Was sieht man auf der zweiten Route?", "what is on the second route", "第二条路线有什么",
    ])
  func routeByOrdinal(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .cityWalk, "\(question)")
    #expect(
      answer.slots["route"] == .text("low-altitude-autonomous"), "\(question): \(answer.slots)")
  }
  @Test(
    "a name the pack lacks is said as the visitor wrote it",
    arguments: [
      ("where can I find the booth of Boston Dynamics", "Boston Dynamics"),
      ("Wo ist der Stand von Boston Dynamics?", "Boston Dynamics"), ("iFlytek在哪里", "iFlytek"),
    ])
  func missingNameAsTyped(question: String, name: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.slots["unanswered"] == .text("not_listed"), "\(question): \(answer.slots)")
    #expect(answer.answer.contains(name), "\(question): \(answer.answer)")
  }

  @Test(
    "a rambling sentence of words nothing knows names no missing exhibitor",
    arguments: [
      "hi, sorry to bother you, my colleague told me there's a company making robot hands, where are they",
      "Entschuldigung, mein Kollege hat erzählt, dass hier eine Firma mit Roboterhänden ausstellt, wo finde ich die?",
    ])
  func ramblingIsNoName(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.slots["unanswered"] != .text("not_listed"), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("Colleague") && !answer.answer.contains("Kollege"))
  }

  @Test(
    "how long it is open today asks for the opening hours",
    arguments: [
      "how late is the exhibition open today", "今天展览开到几点",
      "Bis wann ist die Ausstellung heute offen?",
    ])
  func openToday(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .venueInfo, "\(question)")
    #expect(answer.slots["info"] == .text("opening-hours"), "\(question): \(answer.slots)")
  }
  @Test(
    "where to find what an information entry is about lists no exhibitors",
    arguments: [
      ("Wo finde ich Fundsachen?", "Fundbüro"), ("where do I find lost property", "Lost and found"),
      ("失物在哪里领", "失物招领"),
    ])
  func informationNotAllExhibitors(question: String, words: String) {
    let answer = AnswerFixture.ask(question)
    #expect([.venueInfo, .directions].contains(answer.intent), "\(question)")
    #expect(answer.answer.contains(words), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("46"), "\(question): \(answer.answer)")
  }

  @Test(
    "an everyday verb is not corrected into an off-topic word: what is on now",
    arguments: [
      "Was passiert gerade auf der Bühne?", "what's happening on stage right now", "舞台上现在在干什么",
    ])
  func happeningNow(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .nowNearby, "\(question): \(answer.answer)")
  }
  @Test(
    "a Han numeral of several characters is one number: the day and the length asked for",
    arguments: [
      ("七月二十七日有什么论坛", "2025-07-27", nil), ("二十八号上午有什么活动", "2025-07-28", nil),
      ("给我规划九十分钟", nil, 90.0), ("一百二十分钟的路线", nil, 120.0),
      ("what is on 27 July", "2025-07-27", nil), ("Was läuft am 27. Juli?", "2025-07-27", nil),
      ("plan 90 minutes for me", nil, 90.0), ("Plane mir 90 Minuten", nil, 90.0),
    ] as [(String, String?, Double?)])
  func severalCharacterNumerals(question: String, day: String?, minutes: Double?) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.time.day?.description == day, "\(question)")
    #expect(request.duration == minutes, "\(question)")
  }

  @Test(
    "a topic's word that is also a facility's is the topic when companies or talks are asked for",
    arguments: [
      ("有做医疗AI的公司吗", true), ("are there companies doing medical AI", true),
      ("Gibt es Firmen für Medizin und KI?", true), ("医疗点在哪里", false),
    ])
  func topicOverFacility(question: String, topic: Bool) {
    let answer = AnswerFixture.ask(question)
    if topic {
      #expect(answer.intent == .findExhibitor, "\(question): \(answer.answer)")
      #expect(answer.entities.contains { $0.type == .topic && $0.id == "healthcare" })
    } else {
      // Asked where, the same word is the first-aid point.
      #expect([.directions, .venueInfo].contains(answer.intent), "\(question)")
      #expect(answer.answer.contains("急救"), "\(question): \(answer.answer)")
    }
  }
  @Test(
    "what is asked for is not on the day asked: said so, and when it is instead",
    arguments: [
      (
        "anything on quantum computing tomorrow", "Nothing on that for Sunday 27 July",
        "Debate Session"
      ),
      ("Gibt es morgen etwas zu Quantencomputing?", "Sonntag, 27. Juli", "Debatte"),
      ("明天有量子计算的活动吗", "7月27日（周日）没有相关活动", "思辨会"),
    ])
  func anotherTimeOffered(question: String, dayNote: String, session: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent == .findSession, "\(question)")
    #expect(answer.answer.contains(dayNote), "\(question): \(answer.answer)")
    #expect(answer.answer.contains(session), "\(question): \(answer.answer)")
    #expect(!answer.answer.contains("Nothing on the programme"), "\(question): \(answer.answer)")
  }
  @Test(
    "the minutes of a clock time are read, and are no length of time",
    arguments: [
      ("下午三点十五分有什么", 15 * 60 + 15), ("两点半有什么活动", 14 * 60 + 30),
      ("what's on at 3:15 pm", 15 * 60 + 15), ("anything at 10:30 am", 10 * 60 + 30),
      ("Gibt es um 15:15 etwas?", 15 * 60 + 15),
    ])
  func clockMinutes(question: String, clock: Int) {
    let request = AnswerFixture.matcher.request(for: question, context: AnswerFixture.context())
    #expect(request.time.clock == clock, "\(question)")
    #expect(request.duration == nil, "\(question)")
  }
}
