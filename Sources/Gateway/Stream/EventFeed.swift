import Foundation
import PluginKit
import Storage
import Synchronization

/// One reader of the event log for all live-stream clients: it follows the log, keeps the
/// newest events in memory with their JSON already written, and wakes waiting clients when
/// new events arrive. A thousand clients cost one database read per event, and the JSON is
/// the stored data text within the envelope (``EventEnvelope/json``), never decoded;
/// a client resuming from further back than the memory holds reads the log itself until it
/// has caught up.
final class EventFeed: Sendable {
    /// An event with its encodings: the Server-Sent-Events frame the stream sends (`id:`,
    /// `event:`, `data:` with the envelope JSON, and the blank line), made once for every
    /// client, and within it the JSON the poll sends. A class, so that handing the newest
    /// events to a thousand clients copies references, not envelopes.
    final class Item: Sendable {
        let event: EventEnvelope
        let frame: Data
        private let jsonRange: Range<Int>

        init(event: EventEnvelope) {
            self.event = event
            var frame = Data("id: \(event.seq)\nevent: \(event.type)\ndata: ".utf8)
            let start = frame.count
            frame.append(contentsOf: event.json)
            jsonRange = start..<frame.count
            frame.append(contentsOf: "\n\n".utf8)
            self.frame = frame
        }

        /// The envelope as JSON.
        var json: Data { frame[jsonRange] }
    }

    private struct State {
        var items: [Item] = []
        /// The seq of `items[0]`; items are contiguous (the log's seqs have no gaps).
        var firstSeq: Int64 = 1
        var lastSeq: Int64 = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        /// Waiters cancelled before they were registered.
        var woken: Set<Int> = []
        var nextWaiter = 0
        var closed = false
        /// Called (outside the lock) after each read that brought events, and at close.
        var listeners: [@Sendable () -> Void] = []
    }

    private let log: EventLog
    private let capacity: Int
    private let state = Mutex(State())

    /// Follows `log`, keeping the newest `capacity` events (up to a quarter more between
    /// trims), reading as soon as events are committed. (Live streams batch on their own: the
    /// hub, ``EventStreamHub``, sends what arrived during its previous round in one write per
    /// client.)
    init(log: EventLog, capacity: Int = 16_384) {
        self.log = log
        self.capacity = capacity
        let last = log.lastSeq
        state.withLock {
            $0.lastSeq = last
            $0.firstSeq = last + 1
        }
    }

    /// The seq of the newest event the feed has read.
    var lastSeq: Int64 { state.withLock { $0.lastSeq } }

    /// The seq of the newest event committed to the log: at or ahead of ``lastSeq``, which
    /// catches up with it in the background.
    var committedSeq: Int64 { max(log.lastSeq, lastSeq) }

    /// Whether the gateway is stopping: streams end, polls answer at once.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Ends every stream and poll (at shutdown, so they do not hold the grace period).
    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            return state.listeners
        }
        wakeAll()
        listeners.forEach { $0() }
    }

    /// Calls `listener` after every read that brings events, and when the feed closes; it
    /// must return quickly (it runs on the feed's task).
    func onAppend(_ listener: @escaping @Sendable () -> Void) {
        state.withLock { $0.listeners.append(listener) }
    }

    /// Whether memory holds every event after `seq` the feed has read.
    func remembers(after seq: Int64) -> Bool {
        state.withLock { seq >= $0.firstSeq - 1 }
    }

    /// The events after `seq` up to `last` from memory, or nil when memory no longer reaches
    /// back to `seq`.
    func bufferedItems(after seq: Int64, through last: Int64) -> ArraySlice<Item>? {
        state.withLock { state in
            guard seq >= state.firstSeq - 1 else { return nil }
            let start = Int(seq - state.firstSeq + 1)
            let end = min(state.items.count, Int(last - state.firstSeq + 1))
            guard start < end else { return [] }
            return state.items[start..<end]
        }
    }

    /// Follows the log until the task is cancelled.
    func followLog() async {
        while !Task.isCancelled {
            let after = lastSeq
            do {
                _ = try await log.waitForEvents(after: after)
                let events = try await log.events(after: after, limit: 2000)
                append(events.map(Item.init))
            } catch is CancellationError {
                return
            } catch {
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        wakeAll()
    }

    /// Up to `limit` events after `seq`, from memory when it reaches back that far, else from
    /// the log, where only `tenant`'s events are read.
    func items(after seq: Int64, tenant: String, limit: Int) async throws -> [Item] {
        if let buffered = bufferedItems(after: seq, through: seq + Int64(limit)) { return Array(buffered) }
        return try await log.events(after: seq, tenant: tenant, limit: limit).map(Item.init)
    }

    /// Waits until the feed has an event after `seq`, or the next pulse (once a second), or
    /// the task is cancelled; returns whether there is an event after `seq`. Callers with a
    /// deadline (heartbeats, long-poll timeouts) check it after each return.
    func wait(after seq: Int64) async -> Bool {
        if lastSeq > seq { return true }
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    guard state.lastSeq <= seq, !state.closed, state.woken.remove(id) == nil else { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            wake(id)
        }
        state.withLock { _ = $0.woken.remove(id) }
        return lastSeq > seq
    }

    /// Wakes every waiter once a second until the task is cancelled, so deadlines are kept
    /// without a timer per client.
    func pulse() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            wakeAll()
        }
    }

    private func append(_ new: [Item]) {
        guard !new.isEmpty else { return }
        let (waiters, listeners) = state.withLock { state in
            state.items += new
            state.lastSeq = new.last!.event.seq
            // Trimmed a quarter at a time, so a full ring does not move every item on each append.
            if state.items.count > capacity + capacity / 4 {
                let drop = state.items.count - capacity
                state.items.removeFirst(drop)
                state.firstSeq += Int64(drop)
            }
            if state.items.count == new.count { state.firstSeq = new[0].event.seq }
            defer { state.waiters = [:] }
            return (Array(state.waiters.values), state.listeners)
        }
        waiters.forEach { $0.resume() }
        listeners.forEach { $0() }
    }

    private func wake(_ id: Int) {
        let waiter = state.withLock { state in
            guard let waiter = state.waiters.removeValue(forKey: id) else {
                state.woken.insert(id)
                return nil as CheckedContinuation<Void, Never>?
            }
            return waiter
        }
        waiter?.resume()
    }

    private func wakeAll() {
        let waiters = state.withLock { state in
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume() }
    }
}
