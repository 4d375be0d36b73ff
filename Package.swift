// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "hiwaic",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "hiwaic", targets: ["hiwaic"]),
    .executable(name: "hiwaic-bench", targets: ["HiwaicBench"]),
    .executable(name: "hiwaic-eval", targets: ["HiwaicEval"]),
    // What each fuzz target does with one input, for the libFuzzer binaries in Fuzz/.
    .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    // The fleet's shared store: PostgreSQL's own protocol, bound parameters, TLS through NIOSSL.
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
  ],
  targets: [
    // C shim: glibc's wcwidth under a fixed UTF-8 locale, whatever the process locale is.
    .target(name: "CLocaleWidth"),
    .target(name: "TextLayout", dependencies: ["CLocaleWidth"]),
    // ncursesw from Debian (libncursesw5-dev), wide-character API, macros wrapped for Swift.
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
    // Cells, canvas, input events, widgets; the ncurses backend is the only file touching C.
    // Signal handlers in C that put the terminal back before a signal ends the process.
    .target(name: "CTerminalGuard"),
    .target(name: "TerminalUI", dependencies: ["CNcursesw", "CTerminalGuard", "TextLayout"]),
    // libqrencode from Debian (libqrencode-dev): QR symbols for hand-off and zone posters.
    .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
    .target(name: "QRCode", dependencies: ["CQRencode"]),
    // libxcrypt from Debian (libcrypt-dev): the operator PIN is kept as a yescrypt hash.
    .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),
    // Kiosk pieces without a screen: PIN hash and rate limit, configuration, scanner input.
    .target(name: "Kiosk", dependencies: ["CCrypt", "CTerminalGuard", "EventModel", "TerminalUI"]),
    // The terminal assistant: state, the one update function, views, the app loop.
    .target(
      name: "App",
      dependencies: [
        "Assistant", "EventModel", "Kiosk", "Knowledge", "Matcher", "Planner", "QRCode",
        "Recommender", "TerminalUI", "TextLayout",
      ]),
    .target(name: "EventModel"),
    .target(name: "Matcher", dependencies: ["EventModel"]),
    .target(name: "Planner", dependencies: ["EventModel"]),
    .target(name: "PackGenerator", dependencies: ["EventModel"]),
    // Published conference schedules (frab XML, c3voc JSON) read into one model.
    .target(name: "ScheduleImport", dependencies: ["EventModel"]),
    // What every front end shares: answers with plans and directions worked out, labels.
    .target(
      name: "Assistant",
      dependencies: ["EventModel", "Knowledge", "Matcher", "Planner", "Recommender"]),
    // Intelligent matching: a visitor profile to explained recommendations.
    .target(name: "Recommender", dependencies: ["EventModel", "Planner"]),
    // The assistant's own database: recorded talks and Q&A, searchable (SQLite through GRDB).
    .target(
      name: "Knowledge",
      dependencies: ["EventModel", .product(name: "GRDB", package: "GRDB.swift")]),
    // Kiosks that learn together: the knowledge store's log pushed to PostgreSQL, the
    // organisers' answers pulled from it.
    .target(
      name: "Fleet",
      dependencies: [
        "EventModel", "Knowledge", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // What visitors asked, for the organisers: counts and the gaps, from the question log.
    .target(name: "Insights", dependencies: ["Assistant", "EventModel", "Knowledge", "Matcher"]),
    .target(
      name: "CommandLineInterface",
      dependencies: [
        "App", "Assistant", "EventModel", "Fleet", "Insights", "Kiosk", "Matcher",
        "PackGenerator", "Planner", "QRCode", "Knowledge", "Recommender", "ScheduleImport",
        "TerminalUI",
        "TextLayout", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "hiwaic", dependencies: ["CommandLineInterface"]),
    // Grading the assistant on labelled questions it was never tuned on (make eval).
    .target(name: "Evaluation", dependencies: ["Assistant", "EventModel", "Matcher"]),
    .executableTarget(
      name: "HiwaicEval", dependencies: ["Assistant", "EventModel", "Evaluation", "Matcher"]),
    .target(
      name: "FuzzTargets",
      dependencies: [
        "App", "Assistant", "EventModel", "Kiosk", "Knowledge", "Matcher", "Planner", "TerminalUI",
      ]),
    .executableTarget(
      name: "HiwaicBench",
      dependencies: [
        "App", "Assistant", "EventModel", "Fleet", "Kiosk", "Knowledge", "Matcher",
        "PackGenerator", "Planner", "PostgresSupport", "Recommender", "ScheduleImport",
        "TerminalUI",
      ]),
    .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
    .testTarget(
      name: "EvaluationTests", dependencies: ["Evaluation", "Assistant", "EventModel", "Matcher"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    // Test support: reads QR codes off rendered screens with zbarimg.
    .target(name: "QRTestSupport", dependencies: ["QRCode"], path: "Tests/QRTestSupport"),
    .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "QRTestSupport"]),
    .testTarget(name: "KioskTests", dependencies: ["Kiosk", "EventModel", "TerminalUI"]),
    .testTarget(
      name: "AppTests",
      dependencies: [
        "App", "Assistant", "EventModel", "Kiosk", "Knowledge", "QRCode", "QRTestSupport",
        "Recommender", "TerminalUI",
      ],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "EventModelTests", dependencies: ["EventModel"],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "PackGeneratorTests", dependencies: ["PackGenerator", "EventModel"]),
    .testTarget(
      name: "ScheduleImportTests", dependencies: ["ScheduleImport", "EventModel"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "KnowledgeTests",
      dependencies: ["Knowledge", "EventModel", .product(name: "GRDB", package: "GRDB.swift")]),
    // Test support: a throw-away PostgreSQL server for the fleet's tests and benchmark.
    .target(
      name: "PostgresSupport",
      dependencies: [
        "Fleet", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Tests/PostgresSupport"),
    .testTarget(
      name: "FleetTests",
      dependencies: [
        "PostgresSupport",
        "Assistant", "Fleet", "Knowledge", "EventModel", "Matcher",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "InsightsTests",
      dependencies: ["Insights", "Assistant", "EventModel", "Knowledge", "Matcher"]),
    .testTarget(name: "PlannerTests", dependencies: ["Planner", "EventModel", "PackGenerator"]),
    .testTarget(
      name: "RecommenderTests",
      dependencies: ["Recommender", "Assistant", "EventModel", "PackGenerator"]),
    .testTarget(
      name: "AssistantTests",
      dependencies: [
        "Assistant", "EventModel", "Matcher", "PackGenerator", "Planner", "ScheduleImport",
      ],
      exclude: ["Questions"]),
    .testTarget(
      name: "MatcherTests", dependencies: ["Matcher", "EventModel"]),
    .testTarget(
      name: "CommandLineInterfaceTests",
      dependencies: [
        "CommandLineInterface", "EventModel", "Fleet", "Kiosk", "Knowledge", "PostgresSupport",
        "QRTestSupport",
      ]
    ),
  ]
)
