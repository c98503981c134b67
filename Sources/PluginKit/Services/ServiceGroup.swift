import Synchronization

/// Runs services as one: starts them in order (each one's ``Service/start()``, then its
/// ``Service/run()`` in a task of its own), and when the group's task is cancelled, or a
/// service fails, stops them in reverse order — each cancelled and awaited before the one
/// started before it — so a service never outlives one it depends on. No service's task is
/// left without someone awaiting it.
public struct ServiceGroup: Sendable {
    /// The services in start order.
    public let services: [any Service]

    /// A group of `services`, started in this order.
    public init(_ services: [any Service]) {
        self.services = services
    }

    /// Starts every service, calls `started` once all have, runs until cancelled (or until a
    /// service fails), then stops them in reverse order and returns.
    ///
    /// - Throws: ``ServiceGroupError`` when a service fails to start (those started before
    ///   it are stopped first) or fails while running (after every service has stopped).
    public func run(started: @Sendable () -> Void = {}) async throws {
        var running: [(service: any Service, task: Task<Void, any Error>)] = []
        let failures = ServiceFailures()
        do {
            for service in services {
                try Task.checkCancellation()
                do {
                    try await service.start()
                } catch {
                    throw ServiceGroupError(service: service.name, phase: .start, cause: error)
                }
                let task = Task {
                    do {
                        try await service.run()
                    } catch where !(error is CancellationError) {
                        failures.record(ServiceGroupError(service: service.name, phase: .run, cause: error))
                        throw error
                    }
                }
                running.append((service, task))
            }
            started()
            await failures.waitForFirstOrCancellation()
        } catch {
            await stop(running)
            throw error
        }
        await stop(running)
        if let failure = failures.first { throw failure }
    }

    private func stop(_ running: [(service: any Service, task: Task<Void, any Error>)]) async {
        for (service, _) in running.reversed() { service.beginShutdown() }
        for (_, task) in running.reversed() {
            task.cancel()
            _ = await task.result
        }
    }
}

/// Why a ``ServiceGroup`` stopped with an error.
public struct ServiceGroupError: Error, Sendable, CustomStringConvertible {
    /// When it failed.
    public enum Phase: Sendable, Hashable {
        /// In `start`: nothing after it started.
        case start
        /// In `run`.
        case run
    }

    /// The service's name.
    public var service: String
    /// When.
    public var phase: Phase
    /// The service's error.
    public var cause: any Error

    /// Creates an error.
    public init(service: String, phase: Phase, cause: any Error) {
        self.service = service
        self.phase = phase
        self.cause = cause
    }

    /// One sentence.
    public var description: String {
        "\(service) failed to \(phase == .start ? "start" : "run"): \(cause)"
    }
}

/// The first failure of a running service, and the group's wait for it.
private final class ServiceFailures: Sendable {
    private struct State {
        var first: ServiceGroupError?
        var waiter: CheckedContinuation<Void, Never>?
        var cancelled = false
    }

    private let state = Mutex(State())

    /// The first failure recorded, if any.
    var first: ServiceGroupError? { state.withLock { $0.first } }

    /// Records `failure` if it is the first, ending the wait.
    func record(_ failure: ServiceGroupError) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.first == nil else { return nil }
            state.first = failure
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Returns at the first failure, or when the calling task is cancelled.
    func waitForFirstOrCancellation() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    guard state.first == nil, !state.cancelled else { return true }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.cancelled = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
