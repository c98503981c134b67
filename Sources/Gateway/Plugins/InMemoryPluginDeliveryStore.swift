public import PluginKit
import Synchronization

/// A `PluginDeliveryStore` in memory: the test double for the plugin host. `append` adds
/// events to its log and wakes waiting runners.
public final class InMemoryPluginDeliveryStore: PluginDeliveryStore {
    private struct State {
        var events: [EventEnvelope] = []
        var statuses: [String: PluginInstanceStatus] = [:]
        var deadLetters: [DeadLetter] = []
        var waiters: [UInt64: (after: Int64, continuation: CheckedContinuation<Int64, any Error>)] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// Appends events with the next sequence numbers and wakes waiting runners.
    public func append(_ events: [NewEvent]) {
        let woken = state.withLock { state in
            for event in events {
                state.events.append(EventEnvelope(seq: Int64(state.events.count + 1), event: event))
            }
            let last = Int64(state.events.count)
            let ready = state.waiters.filter { $0.value.after < last }
            for key in ready.keys { state.waiters[key] = nil }
            return ready.values.map { ($0.continuation, last) }
        }
        for (continuation, last) in woken { continuation.resume(returning: last) }
    }

    /// Every status saved, by instance.
    public var statuses: [String: PluginInstanceStatus] { state.withLock { $0.statuses } }

    /// Up to `limit` events after `seq`.
    public func events(after seq: Int64, limit: Int) async throws -> [EventEnvelope] {
        state.withLock { Array($0.events.dropFirst(Int(seq)).prefix(limit)) }
    }

    /// Suspends until there are events after `seq`; throws when cancelled.
    public func waitForEvents(after seq: Int64) async throws -> Int64 {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let last = state.withLock { state -> Int64? in
                    let last = Int64(state.events.count)
                    if last > seq || Task.isCancelled { return last }
                    state.waiters[id] = (seq, continuation)
                    return nil
                }
                if let last { continuation.resume(returning: last) }
            }
        } onCancel: {
            let cancelled = state.withLock { $0.waiters.removeValue(forKey: id) }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// The last position.
    public func lastSeq() async throws -> Int64 { state.withLock { Int64($0.events.count) } }

    /// The saved status.
    public func status(of instance: String) async throws -> PluginInstanceStatus? { state.withLock { $0.statuses[instance] } }

    /// Saves a status and dead letters.
    public func save(_ status: PluginInstanceStatus, deadLetters: [DeadLetter]) async throws {
        state.withLock { state in
            state.statuses[status.instance] = status
            state.deadLetters += deadLetters
        }
    }

    /// Dead letters of `instance`.
    public func deadLetters(of instance: String) async throws -> [DeadLetter] {
        state.withLock { $0.deadLetters.filter { $0.instance == instance } }
    }

    /// Removes one dead letter.
    public func removeDeadLetter(instance: String, seq: Int64) async throws {
        state.withLock { $0.deadLetters.removeAll { $0.instance == instance && $0.event.seq == seq } }
    }
}
