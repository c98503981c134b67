/// A time-driven transition the engine scheduled. Timers are never cancelled: when one
/// fires, the engine checks it still applies (the leg still rings, the entry is still the
/// caller's current stay, …) and otherwise ignores it.
struct EngineTimer: Sendable, Hashable, Codable {
    enum Kind: Sendable, Hashable, Codable {
        /// A ringing leg's ring timeout.
        case ringTimeout(LegID)
        /// A caller's max wait in their `entry`-th queue stay.
        case maxWait(CallID, entry: Int)
        /// PA-1: no key pressed.
        case assistantInput(CallID)
        /// A member's wrap-up ends.
        case wrapUpEnd(UserID)
        /// A status's "until" passes.
        case statusExpiry(UserID)
    }

    let due: Timestamp
    /// Breaks ties between timers due at the same time: scheduling order.
    let order: UInt64
    let kind: Kind

    func fires(before other: EngineTimer) -> Bool { (due, order) < (other.due, other.order) }
}

/// The engine's pending timers: a binary min-heap by due time, then scheduling order.
struct TimerQueue: Sendable, Hashable, Codable {
    private var heap: [EngineTimer] = []
    private var scheduled: UInt64 = 0

    var nextDue: Timestamp? { heap.first?.due }

    mutating func schedule(_ kind: EngineTimer.Kind, at due: Timestamp) {
        scheduled += 1
        heap.append(EngineTimer(due: due, order: scheduled, kind: kind))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].fires(before: heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest timer if it is due at or before `now`.
    mutating func popDue(notAfter now: Timestamp) -> EngineTimer? {
        guard let first = heap.first, first.due <= now else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].fires(before: heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].fires(before: heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
