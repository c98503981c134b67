import PluginKit

/// Makes the context of each delivery: a logger labelled with the instance, the system
/// clock, the shared HTTP session and the instance's durable state.
struct PluginContextFactory: Sendable {
    let storage: GatewayStorage
    let logger: Logger
    let http: any HTTPTransport

    func makeContext(identity: PluginIdentity, attempt: Int) -> PluginContext {
        PluginContext(
            logger: logger.labelled("plugin.\(identity.kind).\(identity.instance)"), clock: SystemPluginClock(), http: http,
            state: InstanceState(instance: identity.instance, store: storage.pluginState), attempt: attempt)
    }
}
