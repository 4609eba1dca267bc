import Foundation

/// A bounded queue that hands inputs to workers and gives their outputs back in input order.
///
/// One producer ``submit(_:)``s inputs (blocking while `capacity` items are in flight); workers
/// take them with ``nextInput()`` and hand results to ``complete(_:with:)`` in any order; one
/// consumer takes results with ``nextOutput()`` in submission order. An item is in flight from
/// submission until the consumer takes its result, so memory is bounded by `capacity` items.
/// ``cancel()`` wakes everyone and makes every call return nil or false.
final class OrderedWorkQueue<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var pending: [(Int, Input)] = []
    private var pendingHead = 0
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var taken = 0
    private var finished = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds an input, waiting while the queue is full.
    ///
    /// - Returns: false if the queue was cancelled (the input is dropped).
    func submit(_ input: Input) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && submitted - taken >= capacity { condition.wait() }
        guard !cancelled else { return false }
        pending.append((submitted, input))
        submitted += 1
        condition.broadcast()
        return true
    }

    /// Says that no more inputs will come.
    func finishSubmitting() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the next input, waiting for one.
    ///
    /// - Returns: The sequence number and input, or nil when all inputs are taken or on cancel.
    func nextInput() -> (Int, Input)? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && pendingHead == pending.count && !finished { condition.wait() }
        guard !cancelled, pendingHead < pending.count else { return nil }
        let item = pending[pendingHead]
        pendingHead += 1
        if pendingHead > 256 && pendingHead * 2 > pending.count {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return item
    }

    /// Hands in the result of an input.
    func complete(_ sequence: Int, with output: Output) {
        condition.lock()
        results[sequence] = output
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the next result in submission order, waiting for it.
    ///
    /// - Returns: The result, or nil when every submitted input's result was taken and no more
    ///   will come, or on cancel.
    func nextOutput() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && results[taken] == nil && !(finished && taken == submitted) { condition.wait() }
        guard !cancelled, let output = results.removeValue(forKey: taken) else { return nil }
        taken += 1
        condition.broadcast()
        return output
    }

    /// Stops everything: blocked and later calls return at once.
    func cancel() {
        condition.lock()
        cancelled = true
        pending.removeAll()
        pendingHead = 0
        results.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
