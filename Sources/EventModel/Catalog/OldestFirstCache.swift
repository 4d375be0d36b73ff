import Synchronization

/// Values kept by key within a budget (in whatever unit `cost` counts: bytes, or one per value),
/// the oldest going first when a new one does not fit. Shared between threads: the TUI plans
/// off the main thread.
final class OldestFirstCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private struct State {
    var values: [Key: Value] = [:]
    var order: [Key] = []
    var oldest = 0
    var used = 0
  }
  private let state = Mutex(State())
  let budget: Int
  private let cost: @Sendable (Value) -> Int

  init(budget: Int, cost: @escaping @Sendable (Value) -> Int) {
    self.budget = budget
    self.cost = cost
  }

  func value(for key: Key) -> Value? { state.withLock { $0.values[key] } }

  /// Keeps `value` unless the key already has one. A value larger than the whole budget is
  /// still kept, alone.
  func keep(_ value: Value, for key: Key) {
    let size = cost(value)
    state.withLock { state in
      guard state.values[key] == nil else { return }
      while state.used + size > budget, state.oldest < state.order.count {
        if let gone = state.values.removeValue(forKey: state.order[state.oldest]) {
          state.used -= cost(gone)
        }
        state.oldest += 1
      }
      // The evicted keys' slots are dropped now and then, not on every eviction.
      if state.oldest > 4096 {
        state.order.removeFirst(state.oldest)
        state.oldest = 0
      }
      state.values[key] = value
      state.order.append(key)
      state.used += size
    }
  }

  /// How many values are kept.
  var count: Int { state.withLock { $0.values.count } }
}
