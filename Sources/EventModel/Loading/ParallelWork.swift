import Foundation

/// Runs independent jobs on all cores and returns their results in order.
public enum ParallelWork {
  public static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    let results = ResultSlots<Output>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      results.store(transform(inputs[index]), at: index)
    }
    return results.values
  }
}

/// One slot per job, filled from several threads under a lock.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ value: Value, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    // Every slot is filled before `concurrentPerform` returns.
    return slots.compactMap { $0 }
  }
}
