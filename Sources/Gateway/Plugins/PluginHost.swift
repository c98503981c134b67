import Foundation
public import PluginKit
import Synchronization

/// Runs every configured plugin instance, each on its own runner and cursor, so that a slow,
/// failing or hung plugin never delays the engine, the API or another plugin.
///
/// Lifecycle: `start()` once, then `shutdown()` once.
public final class PluginHost: Sendable {
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
    private let tasks = Mutex<[Task<Void, Never>]>([])

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

    /// Starts one task per instance.
    public func start() {
        tasks.withLock { tasks in
            tasks = runners.map { runner in Task { await runner.run() } }
        }
    }

    /// Stops every runner (a delivery in flight is cancelled), then shuts each plugin down.
    public func shutdown() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        running.forEach { $0.cancel() }
        for task in running { await task.value }
        for runner in runners { await runner.plugin.shutdown() }
    }
}
