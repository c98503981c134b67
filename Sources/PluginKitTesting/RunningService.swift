public import PluginKit

/// A service running in a task of its own, for tests and benchmarks that run one service
/// without a group: ``stop()`` cancels it and waits until it has stopped.
public final class RunningService: Sendable {
    private let task: Task<Void, any Error>

    /// Starts `service` (its `start`, then its `run`).
    public init(_ service: any Service) {
        task = Task {
            try await service.start()
            try await service.run()
        }
    }

    /// Cancels the service and returns when its `run` has returned.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
