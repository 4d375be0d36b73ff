import Foundation
import Knowledge

/// What the operator screen and `hiwaic sync` show of the background sync.
public struct FleetSyncStatus: Sendable, Equatable {
  /// When the last sync completed.
  public var lastSuccess: Date?
  /// Why the last attempt failed, when it did (cleared by a success).
  public var lastError: String?
  /// Logged questions not yet on the server, when last counted.
  public var unsent = 0
  /// Failed attempts in a row.
  public var failures = 0
  /// When the next sync is due.
  public var nextAttempt: Date?

  public init() {}
}

/// The sync on its own schedule: every `interval`, sooner when `trigger` questions wait, later
/// (doubling up to five minutes) while the server is away. It runs on a task of its own and
/// never holds the caller; `status` is safe to read from any thread.
public final class FleetSyncService: @unchecked Sendable {
  public let store: KnowledgeStore
  public let server: FleetServer
  public let interval: Duration
  public let trigger: Int
  /// Categorises published notes as the kiosk's own import does.
  public let mentions: MentionFinder?
  private let lock = NSLock()
  private var current = FleetSyncStatus()
  private var task: Task<Void, Never>?
  private let onSync: @Sendable (Result<FleetSyncReport, FleetError>) -> Void

  /// The longest wait between attempts while the server is away.
  public static let longestWait: Duration = .seconds(300)

  public init(
    store: KnowledgeStore, server: FleetServer, interval: Duration = .seconds(30),
    trigger: Int = 50, mentions: MentionFinder? = nil,
    onSync: @escaping @Sendable (Result<FleetSyncReport, FleetError>) -> Void = { _ in }
  ) {
    self.store = store
    self.server = server
    self.interval = interval
    self.trigger = max(1, trigger)
    self.mentions = mentions
    self.onSync = onSync
  }

  public var status: FleetSyncStatus {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  /// Starts the schedule; the first sync is at once.
  public func start() {
    lock.lock()
    defer { lock.unlock() }
    guard task == nil else { return }
    task = Task.detached(priority: .utility) { [self] in await loop() }
  }

  /// Stops the schedule; a sync under way is abandoned, which loses nothing.
  public func stop() {
    lock.lock()
    let running = task
    task = nil
    lock.unlock()
    running?.cancel()
  }

  /// The wait after `failures` failed attempts in a row: the interval doubled each time, up
  /// to `longestWait`; a failure a person must fix waits the longest.
  public static func wait(after failures: Int, transient: Bool, interval: Duration) -> Duration {
    guard failures > 0 else { return interval }
    guard transient else { return longestWait }
    let doubled = interval * (1 << min(failures, 10))
    return min(doubled, longestWait)
  }

  private func loop() async {
    var due = ContinuousClock.now
    while !Task.isCancelled {
      let unsent = (try? store.fleetProgress().unsent) ?? 0
      let failures = update { $0.unsent = unsent }.failures
      if ContinuousClock.now >= due || (failures == 0 && unsent >= trigger) {
        let outcome: Result<FleetSyncReport, FleetError>
        do {
          outcome = .success(
            try await FleetSync.once(store: store, server: server, mentions: mentions))
        } catch {
          outcome = .failure(error)
        }
        if Task.isCancelled { return }
        let wait: Duration
        switch outcome {
        case .success(let report):
          wait = interval
          update {
            $0.lastSuccess = Date()
            $0.lastError = nil
            $0.failures = 0
            $0.unsent = report.unsent
          }
        case .failure(let error):
          let failed = update {
            $0.failures += 1
            $0.lastError = error.description
          }
          wait = Self.wait(after: failed.failures, transient: error.isTransient, interval: interval)
        }
        // Up to a tenth more, so that a fleet started together does not sync together.
        let spread = wait * Double.random(in: 0...0.1)
        due = ContinuousClock.now + wait + spread
        let next = Date().addingTimeInterval(Self.seconds(wait + spread))
        update { $0.nextAttempt = next }
        onSync(outcome)
      }
      try? await Task.sleep(for: .seconds(1))
    }
  }

  @discardableResult
  private func update(_ change: (inout FleetSyncStatus) -> Void) -> FleetSyncStatus {
    lock.lock()
    defer { lock.unlock() }
    change(&current)
    return current
  }

  /// A duration in seconds, for messages and figures.
  public static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}

/// Waits for async fleet work from synchronous code (a command's `run`, the kiosk's setup),
/// never from a task: the work runs on a task of its own while this thread waits.
public func waitForFleet<Result: Sendable>(
  _ work: @escaping @Sendable () async throws(FleetError) -> Result
) throws(FleetError) -> Result {
  let done = DispatchSemaphore(value: 0)
  let box = OutcomeBox<Result>()
  Task.detached {
    do throws(FleetError) {
      box.set(.success(try await work()))
    } catch {
      box.set(.failure(error))
    }
    done.signal()
  }
  done.wait()
  return try box.get()
}

/// The outcome of work done on another thread.
final class OutcomeBox<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var outcome: Result<Value, FleetError> = .failure(.store("no outcome"))

  func set(_ value: Result<Value, FleetError>) {
    lock.lock()
    outcome = value
    lock.unlock()
  }

  func get() throws(FleetError) -> Value {
    lock.lock()
    defer { lock.unlock() }
    return try outcome.get()
  }
}
