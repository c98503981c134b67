import Foundation
import PluginKit

/// Delivers the event log to one plugin instance, in log order, on the instance's own
/// cursor (the engine's journal entries are passed over): filter, deliver with a timeout, retry with backoff and jitter, dead-letter when
/// attempts or age run out, and keep a circuit breaker. Its status is saved after every
/// change so it survives restarts and can be read by `sentralbord plugins status`.
actor PluginRunner {
    let plugin: any Plugin
    let policy: DeliveryPolicy
    private let store: any PluginDeliveryStore
    private let makeContext: @Sendable (_ attempt: Int) -> PluginContext
    private let logger: Logger
    private let clock = ContinuousClock()
    private var breaker: CircuitBreaker
    private var status: PluginInstanceStatus
    private var random = SystemRandomNumberGenerator()
    private let thread: PluginThread
    private var unsavedDeadLetters: [DeadLetter] = []
    private var dirty = false
    private var saving = false
    private var savedWaiters: [CheckedContinuation<Void, Never>] = []
    private var stopping = false
    private var failedWhileStopping = false

    /// Creates a runner; `run()` starts it from the saved cursor.
    init(
        plugin: any Plugin, policy: DeliveryPolicy, store: any PluginDeliveryStore, logger: Logger,
        makeContext: @escaping @Sendable (_ attempt: Int) -> PluginContext
    ) {
        self.plugin = plugin
        self.policy = policy
        self.store = store
        self.logger = logger
        self.makeContext = makeContext
        breaker = CircuitBreaker(threshold: policy.breakerThreshold, cooldown: policy.breakerCooldown)
        status = PluginInstanceStatus(instance: plugin.identity.instance, kind: plugin.identity.kind)
        thread = PluginThread(name: "plugin.\(plugin.identity.instance)")
    }

    deinit {
        thread.stop()
    }

    /// Delivers until the task is cancelled. Storage failures are logged and retried after a
    /// pause; they never end the runner.
    func run() async {
        await deliverUntilCancelled()
        await finishSaving()
    }

    private func deliverUntilCancelled() async {
        var loaded = false
        while !Task.isCancelled {
            do {
                // The saved status is loaded once: after a storage error, the status in
                // memory is ahead of the saved one and must not be rolled back.
                if !loaded, let saved = try await store.status(of: status.instance) {
                    status = saved
                    status.kind = plugin.identity.kind
                }
                loaded = true
                try await deliverForever()
            } catch is CancellationError {
                return
            } catch {
                logger.error("plugin runner storage failure; retrying", ["error": String(describing: error)])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func deliverForever() async throws {
        while true {
            try Task.checkCancellation()
            let batch = try await store.events(after: status.cursor, limit: 256)
            guard !batch.isEmpty else {
                _ = try await store.waitForEvents(after: status.cursor)
                continue
            }
            var unsaved = false
            for event in batch {
                try Task.checkCancellation()
                if EngineJournal.isJournal(event.type) {
                    status.cursor = event.seq
                    unsaved = true
                    continue
                }
                guard plugin.filter.matches(event) else {
                    status.cursor = event.seq
                    status.skipped += 1
                    unsaved = true
                    continue
                }
                try await process(event)
                unsaved = false
            }
            if unsaved { save() }
        }
    }

    /// Delivers one event until it is delivered, skipped or dead-lettered. Tries made before a
    /// restart count: the attempt number goes on from the saved status.
    private func process(_ event: EventEnvelope) async throws {
        let resumed = status.retrying.flatMap { $0.seq == event.seq ? $0 : nil }
        let firstAttemptDate = resumed?.firstAttemptAt ?? Date()
        var attempt = resumed?.attempts ?? 0
        while true {
            try await waitForBreaker()
            attempt += 1
            let result = await TimedDelivery.deliver(
                event, to: plugin, context: makeContext(attempt), timeout: policy.timeout, on: thread)
            try Task.checkCancellation()
            switch result {
            case .success(let outcome):
                breaker.recordSuccess()
                status.cursor = event.seq
                status.retrying = nil
                if case .skipped = outcome { status.skipped += 1 } else { status.delivered += 1 }
                save()
                return
            case .failure(let error):
                breaker.recordFailure(at: clock.now, opensAtOnce: error.kind == .misconfigured)
                let exhausted = attempt >= policy.maxAttempts || Date().timeIntervalSince(firstAttemptDate) >= policy.maxAge.seconds
                if error.kind == .permanent || exhausted {
                    try await deadLetter(event, error: error, attempts: attempt, since: firstAttemptDate)
                    return
                }
                let delay = retryDelay(after: attempt, error: error)
                status.retrying = PluginInstanceStatus.Retry(
                    seq: event.seq, eventId: event.id, attempts: attempt, lastError: error.description,
                    firstAttemptAt: firstAttemptDate,
                    nextAttemptAt: Date().addingTimeInterval(delay.seconds))
                save()
                logger.warning("delivery failed; will retry", [
                    "event": event.id, "seq": String(event.seq), "attempt": String(attempt),
                    "error": error.description, "retryInMs": String(Int(delay.seconds * 1000)),
                ])
                try await Task.sleep(for: delay)
            }
        }
    }

    private func waitForBreaker() async throws {
        let admission = breaker.admission(at: clock.now)
        if status.breaker != breaker.state.description {
            save()
        }
        guard admission > clock.now else { return }
        logger.warning("circuit breaker open", ["until": String(describing: admission)])
        try await Task.sleep(until: admission, clock: clock)
        _ = breaker.admission(at: clock.now)
    }

    private func retryDelay(after attempt: Int, error: PluginError) -> Duration {
        let backoff = policy.backoff(afterAttempt: attempt, jitter: Double.random(in: 0...1, using: &random))
        if case .rateLimited(let retryAfter?) = error.kind {
            return max(backoff, min(retryAfter, policy.maxBackoff))
        }
        return backoff
    }

    private func deadLetter(_ event: EventEnvelope, error: PluginError, attempts: Int, since first: Date) async throws {
        status.cursor = event.seq
        status.retrying = nil
        status.deadLettered += 1
        let letter = DeadLetter(
            instance: status.instance, event: event, reason: error.description, attempts: attempts,
            firstAttemptAt: first, lastAttemptAt: Date())
        save(deadLetter: letter)
        logger.error("event dead-lettered", ["event": event.id, "seq": String(event.seq), "attempts": String(attempts), "reason": error.description])
    }

    /// Marks the status changed and makes sure a save runs; saves coalesce, so a burst of
    /// deliveries costs one write.
    private func save(deadLetter: DeadLetter? = nil) {
        status.breaker = breaker.state.description
        status.updatedAt = Date()
        if let deadLetter { unsavedDeadLetters.append(deadLetter) }
        dirty = true
        guard !saving else { return }
        saving = true
        Task { await self.flush() }
    }

    /// Writes the latest status (and pending dead letters) until nothing is left unsaved.
    private func flush() async {
        while dirty {
            dirty = false
            let snapshot = status
            let letters = unsavedDeadLetters
            unsavedDeadLetters = []
            do {
                try await store.save(snapshot, deadLetters: letters)
            } catch {
                logger.error("cannot save plugin status; retrying", ["error": String(describing: error)])
                unsavedDeadLetters = letters + unsavedDeadLetters
                dirty = true
                // Stopping, the runner gives up after one more try: the cursor stays where it
                // was saved, so those events are delivered again after the restart.
                if stopping, failedWhileStopping { break }
                failedWhileStopping = stopping
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        saving = false
        savedWaiters.forEach { $0.resume() }
        savedWaiters = []
    }

    /// Waits for a save in progress, then saves what is left: the last thing a runner does.
    private func finishSaving() async {
        stopping = true
        if saving {
            await withCheckedContinuation { savedWaiters.append($0) }
        }
        guard dirty else { return }
        saving = true
        await flush()
    }
}
