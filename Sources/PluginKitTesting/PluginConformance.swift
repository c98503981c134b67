public import PluginKit
import Synchronization

/// The checks every plugin must pass, run by each plugin's own tests (the model is swift-log's
/// LogHandler contract): build a `PluginConformance` with the plugin and a few events it
/// accepts, `run()` it, and expect no failures.
///
/// It checks that the plugin:
/// - has an identity (non-empty kind and instance name without spaces);
/// - delivers each sample event in `deliveringContext` without throwing;
/// - tolerates the same event twice (delivery is at least once);
/// - ends promptly when its delivery is cancelled while the peer hangs (`hangingContext`);
/// - never shows a secret in its description, its log records or its error messages;
/// - shuts down promptly.
public struct PluginConformance: Sendable {
    /// One check that did not hold.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The check's name, e.g. `cancellation`.
        public var check: String
        /// What was seen.
        public var detail: String

        /// `check: detail`.
        public var description: String { "\(check): \(detail)" }
    }

    /// Makes a fresh plugin instance.
    public var makePlugin: @Sendable () async throws -> any Plugin
    /// Events the plugin accepts and can deliver in `deliveringContext`.
    public var events: [EventEnvelope]
    /// A context in which deliveries succeed (a real local peer behind `http`, …); the log
    /// sink is read for secrets.
    public var deliveringContext: @Sendable () -> (context: PluginContext, log: InMemoryLogSink)
    /// A context in which a delivery never completes on its own (e.g. a transport that hangs);
    /// nil when the plugin cannot be made to hang that way (then the cancellation check is
    /// skipped; an exec plugin's tests, for one, check it with a child that never answers).
    public var hangingContext: (@Sendable () -> (context: PluginContext, log: InMemoryLogSink))?
    /// Secret values from the plugin's configuration that must never be shown.
    public var secrets: [String]
    /// How long a cancelled delivery and a shutdown may take.
    public var deadline: Duration

    /// Creates the checks for one plugin.
    public init(
        makePlugin: @escaping @Sendable () async throws -> any Plugin,
        events: [EventEnvelope],
        deliveringContext: @escaping @Sendable () -> (context: PluginContext, log: InMemoryLogSink),
        hangingContext: (@Sendable () -> (context: PluginContext, log: InMemoryLogSink))? = nil,
        secrets: [String] = [],
        deadline: Duration = .seconds(3)
    ) {
        self.makePlugin = makePlugin
        self.events = events
        self.deliveringContext = deliveringContext
        self.hangingContext = hangingContext
        self.secrets = secrets
        self.deadline = deadline
    }

    /// Runs every check and returns what failed (empty when the plugin conforms).
    public func run() async -> [Failure] {
        var failures: [Failure] = []
        let plugin: any Plugin
        do {
            plugin = try await makePlugin()
        } catch {
            return [Failure(check: "make", detail: "could not make the plugin: \(error)")]
        }
        failures += checkIdentity(plugin)
        failures += await checkDelivery(plugin)
        if let hangingContext {
            failures += await checkCancellation(plugin, context: hangingContext())
        }
        failures += await checkShutdown(plugin)
        return failures
    }

    private func checkIdentity(_ plugin: any Plugin) -> [Failure] {
        var failures: [Failure] = []
        let identity = plugin.identity
        if identity.kind.isEmpty { failures.append(Failure(check: "identity", detail: "the kind is empty")) }
        if identity.instance.isEmpty || identity.instance.contains(where: \.isWhitespace) {
            failures.append(Failure(check: "identity", detail: "the instance name \"\(identity.instance)\" is empty or has spaces"))
        }
        failures += leaks(in: String(describing: plugin), check: "secrets", place: "the plugin's description")
        return failures
    }

    private func checkDelivery(_ plugin: any Plugin) async -> [Failure] {
        var failures: [Failure] = []
        let (context, log) = deliveringContext()
        for event in events {
            for round in ["delivery", "duplicate"] {
                do {
                    _ = try await plugin.deliver(event, context: context)
                } catch {
                    failures.append(Failure(check: round, detail: "event \(event.id) (\(event.type)) failed: \(error)"))
                    failures += leaks(in: error.message, check: "secrets", place: "an error message")
                }
            }
        }
        for record in log.records {
            let text = ([record.message] + record.metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
            failures += leaks(in: text, check: "secrets", place: "a log record")
        }
        return failures
    }

    private func checkCancellation(_ plugin: any Plugin, context: (context: PluginContext, log: InMemoryLogSink)) async -> [Failure] {
        guard let event = events.first else { return [] }
        let clock = ContinuousClock()
        let start = clock.now
        let delivery = Task { try await plugin.deliver(event, context: context.context) }
        try? await Task.sleep(for: .milliseconds(100))
        delivery.cancel()
        let finished = Mutex(false)
        let waiter = Task {
            _ = await delivery.result
            finished.withLock { $0 = true }
        }
        while !finished.withLock({ $0 }), clock.now - start < deadline + .milliseconds(100) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        waiter.cancel()
        if !finished.withLock({ $0 }) {
            return [Failure(check: "cancellation", detail: "a cancelled delivery was still running after \(deadline)")]
        }
        if case .success(let outcome) = await delivery.result, outcome == .delivered {
            return [Failure(check: "cancellation", detail: "a delivery to a hanging peer reported .delivered")]
        }
        return []
    }

    private func checkShutdown(_ plugin: any Plugin) async -> [Failure] {
        let clock = ContinuousClock()
        let start = clock.now
        await plugin.shutdown()
        let took = clock.now - start
        return took > deadline ? [Failure(check: "shutdown", detail: "shutdown took \(took)")] : []
    }

    private func leaks(in text: String, check: String, place: String) -> [Failure] {
        secrets.filter { !$0.isEmpty && text.contains($0) }.map { _ in
            Failure(check: check, detail: "a secret appears in \(place)")
        }
    }
}
