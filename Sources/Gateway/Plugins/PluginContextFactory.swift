import HTTPClient
import PluginKit

/// Makes the context of each delivery: a logger labelled with the instance, the system
/// clock, the instance's own HTTP session, its durable state and the event log.
///
/// Every instance gets an HTTP session of its own (one transfer thread: an instance delivers
/// one event at a time), so receivers that hang hold only their own instance's thread.
struct PluginContextFactory: Sendable {
    let storage: GatewayStorage
    let logger: Logger
    /// Where plugins' events go.
    let events: any PluginEventSink
    private let sessions: [String: HTTPSession]

    /// A factory for the instances named `instances`.
    init(storage: GatewayStorage, logger: Logger, events: any PluginEventSink, instances: [String]) {
        self.storage = storage
        self.logger = logger
        self.events = events
        sessions = Dictionary(
            instances.map { ($0, HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1))) },
            uniquingKeysWith: { first, _ in first })
    }

    func makeContext(identity: PluginIdentity, attempt: Int) -> PluginContext {
        let http = sessions[identity.instance] ?? HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 1))
        return PluginContext(
            logger: logger.labelled("plugin.\(identity.kind).\(identity.instance)"), clock: SystemPluginClock(), http: http,
            state: InstanceState(instance: identity.instance, store: storage.pluginState), events: events, attempt: attempt)
    }
}
