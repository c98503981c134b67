import HTTPClient
public import PluginKit

/// Delivers an instance's dead letters again, oldest first, one try each with the instance's
/// timeout: what `sentralbord plugins replay-dead INSTANCE` does. A delivered (or skipped)
/// letter is removed; one that fails again stays, with nothing else changed.
public enum DeadLetterReplay {
    /// What a replay did.
    public struct Report: Sendable, Equatable {
        /// Letters delivered (or skipped by the plugin) and removed.
        public var delivered: Int = 0
        /// Letters that failed again, with the error, by event seq.
        public var failed: [(seq: Int64, error: String)] = []

        /// Equal when counts and failures match.
        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.delivered == rhs.delivered && lhs.failed.map(\.seq) == rhs.failed.map(\.seq)
                && lhs.failed.map(\.error) == rhs.failed.map(\.error)
        }
    }

    /// Replays the dead letters of `instance` from `store`, making each delivery's context
    /// with `makeContext`; shuts the plugin down afterwards when `shutDown` (a separate
    /// process's copy), not when the plugin host is running the same instance.
    public static func replay(
        _ instance: PluginConfiguration, store: any PluginDeliveryStore, shutDown: Bool = true,
        makeContext: @Sendable (_ identity: PluginIdentity, _ attempt: Int) -> PluginContext
    ) async throws -> Report {
        var report = Report()
        let thread = PluginThread(name: "replay.\(instance.name)")
        defer { thread.stop() }
        for letter in try await store.deadLetters(of: instance.name) {
            let context = makeContext(instance.plugin.identity, letter.attempts + 1)
            switch await TimedDelivery.deliver(letter.event, to: instance.plugin, context: context, timeout: instance.policy.timeout, on: thread) {
            case .success:
                try await store.removeDeadLetter(instance: instance.name, seq: letter.event.seq)
                report.delivered += 1
            case .failure(let error):
                report.failed.append((letter.event.seq, error.description))
            }
        }
        if shutDown { await instance.plugin.shutdown() }
        return report
    }

    /// Replays with the gateway's own context: its storage for state and events (of
    /// `companies`), libcurl for HTTP.
    public static func replay(
        _ instance: PluginConfiguration, storage: GatewayStorage, companies: Set<String>, logger: Logger, shutDown: Bool = true
    ) async throws -> Report {
        let contexts = PluginContextFactory(
            storage: storage, logger: logger, events: LogEventSink(log: storage.log, companies: companies), instances: [instance.name])
        return try await replay(instance, store: storage.pluginDeliveryStore, shutDown: shutDown, makeContext: contexts.makeContext)
    }
}
