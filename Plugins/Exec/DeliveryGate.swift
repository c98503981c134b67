import Synchronization

/// Lets one delivery at a time through, in arrival order: the exec protocol has one event in
/// flight per child. A task cancelled while waiting leaves the queue at once.
final class DeliveryGate: Sendable {
    private struct State {
        var busy = false
        var nextTicket: UInt64 = 0
        var waiting: [(ticket: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    }

    private let state = Mutex(State())

    /// Waits for the turn: true when it is the caller's (who must then `leave()`), false when
    /// the calling task was cancelled first.
    func enter() async -> Bool {
        let ticket = state.withLock { state in
            state.nextTicket += 1
            return state.nextTicket
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let decided = state.withLock { state -> Bool? in
                    if !state.busy {
                        state.busy = true
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiting.append((ticket, continuation))
                    return nil
                }
                if let decided { continuation.resume(returning: decided) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return state.waiting.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
    }

    /// Ends the caller's turn, handing it to the next waiting delivery.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
