import Synchronization

/// The seq of the last committed event, and the tasks waiting for it to pass a value.
///
/// The writer ``advance(to:)``s it after each commit, which wakes exactly the waiters it
/// passed: nobody polls the database.
final class HighWaterMark: Sendable {
    private struct Waiter {
        let after: Int64
        let continuation: CheckedContinuation<Int64, any Error>
    }

    private struct State {
        var value: Int64
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state: Mutex<State>

    init(_ value: Int64) {
        state = Mutex(State(value: value))
    }

    var value: Int64 { state.withLock { $0.value } }

    /// Raises the mark to `seq` and resumes every waiter for a seq below it.
    func advance(to seq: Int64) {
        let woken = state.withLock { state -> [Waiter] in
            guard seq > state.value else { return [] }
            state.value = seq
            let due = state.waiters.filter { $0.value.after < seq }
            for key in due.keys { state.waiters[key] = nil }
            return Array(due.values)
        }
        for waiter in woken { waiter.continuation.resume(returning: seq) }
    }

    /// Returns the mark as soon as it is above `seq` (at once if it already is). Throws
    /// `CancellationError` if the task is cancelled first.
    func wait(after seq: Int64) async throws -> Int64 {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int64, any Error>) in
                let immediate = state.withLock { state -> Result<Int64, any Error>? in
                    if state.value > seq { return .success(state.value) }
                    // Checked under the lock: the cancellation handler takes it too, so either
                    // it finds this waiter or this check sees the cancellation.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = Waiter(after: seq, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}
