import PluginKit
import Synchronization

/// Runs one `deliver` call with a deadline. The call runs in its own task on the plugin's own
/// thread; when the deadline passes first, that task is cancelled and the caller goes on at
/// once, so a plugin that ignores cancellation (or blocks in a C call) can never hold its
/// runner, the engine or another plugin.
enum TimedDelivery {
    static func deliver(
        _ event: EventEnvelope, to plugin: any Plugin, context: PluginContext, timeout: Duration, on thread: PluginThread
    ) async -> Result<DeliveryOutcome, PluginError> {
        if Task.isCancelled { return .failure(.transient("the gateway is shutting down")) }
        let outcome = OnceResult()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                outcome.install(continuation)
                let delivery = Task(executorPreference: thread) {
                    do throws(PluginError) {
                        outcome.resume(with: .success(try await plugin.deliver(event, context: context)))
                    } catch {
                        outcome.resume(with: .failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    outcome.resume(with: .failure(.transient("no answer within \(timeout)")))
                }
                outcome.onResume {
                    timer.cancel()
                    delivery.cancel()
                }
            }
        } onCancel: {
            outcome.resume(with: .failure(.transient("the gateway is shutting down")))
        }
    }
}

/// Resumes a continuation with the first result offered, once; later offers are ignored.
private final class OnceResult: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result<DeliveryOutcome, PluginError>, Never>?
        var early: Result<DeliveryOutcome, PluginError>?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Result<DeliveryOutcome, PluginError>, Never>) {
        let early = state.withLock { state -> Result<DeliveryOutcome, PluginError>? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func onResume(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = cleanup
            return false
        }
        if runNow { cleanup() }
    }

    /// Offers `result`; true when it was the first.
    @discardableResult
    func resume(with result: Result<DeliveryOutcome, PluginError>) -> Bool {
        let taken = state.withLock { state -> State? in
            guard !state.done else { return nil }
            let taken = state
            state.done = true
            state.continuation = nil
            state.cleanup = nil
            if taken.continuation == nil { state.early = result }
            return taken
        }
        guard let taken else { return false }
        taken.continuation?.resume(returning: result)
        taken.cleanup?()
        return true
    }
}
