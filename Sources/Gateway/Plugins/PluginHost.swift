import Foundation
public import PluginKit

/// Runs every configured plugin instance, each on its own runner and cursor, so that a slow,
/// failing or hung plugin never delays the engine, the API or another plugin.
///
/// A ``Service``: ``run()`` delivers until cancelled, then shuts every plugin down.
public final class PluginHost: Service {
    /// One configured instance and how to deliver to it.
    public struct Instance: Sendable {
        /// The plugin.
        public var plugin: any Plugin
        /// Timeout, retries, dead-lettering, breaker.
        public var policy: DeliveryPolicy

        /// Creates an instance.
        public init(plugin: any Plugin, policy: DeliveryPolicy) {
            self.plugin = plugin
            self.policy = policy
        }
    }

    private let runners: [PluginRunner]

    /// Creates runners for `instances`; `makeContext` gives each delivery its context.
    public init(
        instances: [Instance], store: any PluginDeliveryStore, logger: Logger,
        makeContext: @escaping @Sendable (_ identity: PluginIdentity, _ attempt: Int) -> PluginContext
    ) {
        runners = instances.map { instance in
            let identity = instance.plugin.identity
            return PluginRunner(
                plugin: instance.plugin, policy: instance.policy, store: store,
                logger: logger.labelled("plugin.\(identity.kind).\(identity.instance)"),
                makeContext: { attempt in makeContext(identity, attempt) })
        }
    }

    /// `plugins`.
    public var name: String { "plugins" }

    /// Runs every instance's runner in a task of its own until cancelled (a delivery in
    /// flight is cancelled and comes again after a restart), then shuts each plugin down.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for runner in runners { group.addTask { await runner.run() } }
        }
        for runner in runners { await runner.plugin.shutdown() }
    }
}
