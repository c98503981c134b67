import Foundation
import HTTPClient
import HTTPServer
public import PluginKit
import Storage
import Synchronization

/// The running gateway: storage, every company's engine (with the simulated platform when
/// configured), the HTTP API and the plugin host, composed from one `GatewayConfiguration`.
///
/// Lifecycle: `init` opens storage, `start()` once starts serving and delivering,
/// `shutdown()` once lets in-flight requests finish within the configured grace period and
/// stops the plugins.
public final class GatewayService: Sendable {
    /// The configuration the service runs with.
    public let configuration: GatewayConfiguration
    /// The database: event log, plugin ledger and state.
    public let storage: GatewayStorage
    private let logger: Logger
    private let server: HTTPServer
    private let plugins: PluginHost
    private let engines: EngineHost
    private let feed: EventFeed
    private let hub: EventStreamHub
    private let feedTasks = Mutex<[Task<Void, Never>]>([])
    private let kinds: PluginKinds

    /// Opens storage (creating the data directory if needed); nothing serves until `start()`.
    ///
    /// - Throws: `GatewayStartError` with code `.storage` when the data directory or the
    ///   database cannot be created or opened.
    public init(
        configuration: GatewayConfiguration, logger: Logger, factories: [any PluginFactory] = PluginRegistry.builtIn
    ) async throws(GatewayStartError) {
        self.configuration = configuration
        self.logger = logger
        let storage = try await GatewayStorage.open(configuration.storage, plugins: factories)
        self.storage = storage
        let storageLogger = logger.labelled("storage")
        if !storage.problemsAtOpen.isEmpty {
            storageLogger.error("the database check at start found problems", [
                "problems": storage.problemsAtOpen.joined(separator: "; "),
                "action": "stop the gateway, run `sentralbord check-storage`, and restore the last backup if it confirms them",
            ])
        }
        if !storage.checkAtOpenCompleted {
            storageLogger.notice("the database check at start stopped at its time limit; run `sentralbord check-storage` for the whole file", [
                "limitSeconds": "\(GatewayStorage.checkAtOpenLimit.components.seconds)",
            ])
        }
        storage.log.observeWriteFault { fault in
            if let fault {
                storageLogger.error("the event log cannot be written", ["cause": fault.cause, "action": fault.action])
            } else {
                storageLogger.notice("the event log is written again")
            }
        }
        do {
            engines = try await EngineHost.start(configuration: configuration, log: storage.log, logger: logger)
        } catch {
            throw GatewayStartError(.storage, "cannot start the engines from the event log: \(error)")
        }
        kinds = try await PluginKinds.start(
            factories: factories, configuration: configuration, storage: storage, engines: engines, logger: logger)
        plugins = PluginHost(
            instances: configuration.plugins.map { PluginHost.Instance(plugin: $0.plugin, policy: $0.policy) },
            store: storage.pluginDeliveryStore, logger: logger,
            makeContext: PluginContextFactory(
                storage: storage, logger: logger, events: kinds.events, instances: configuration.plugins.map(\.name)
            ).makeContext)
        var router = Router()
        let engines = self.engines
        feed = EventFeed(log: storage.log)
        hub = EventStreamHub(feed: feed, heartbeat: .seconds(configuration.server.streamHeartbeatSeconds))
        do {
            try APIRoutes(configuration: configuration, storage: storage, engines: engines, feed: feed, hub: hub, kinds: kinds, logger: logger)
                .register(in: &router)
        } catch {
            throw GatewayStartError(.storage, "cannot set up API access: \(error)")
        }
        let settings = configuration.server
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: settings.listen.host,
                port: settings.listen.port,
                threadPoolSize: settings.threads,
                maxRequestBodyBytes: settings.maxRequestBytes,
                connectionTimeout: .seconds(settings.connectionTimeoutSeconds),
                shutdownGracePeriod: .seconds(settings.shutdownGraceSeconds),
                bufferedBodyLimit: settings.maxBufferedRequestBytes,
                bufferedBodyLimitPerAddress: settings.maxBufferedRequestBytesPerAddress,
                headTimeout: .seconds(settings.requestHeadTimeoutSeconds),
                connectionsPerAddress: settings.connectionsPerAddress,
                trustedAddresses: Set(settings.trustedProxies)),
            responder: router,
            accessLog: RequestLog(logger: logger.labelled("http")).record)
    }

    /// The engine of company `tenant`, for commands and queries; nil for an unknown company.
    public func engine(of tenant: String) -> TenantRuntime? { engines.runtimes[tenant] }

    /// The port the API listens on once started (the system's choice for port 0).
    public var port: Int? { server.port }

    /// Starts serving.
    ///
    /// - Throws: `GatewayStartError` when the listen address cannot be bound; nothing is left
    ///   running then.
    public func start() throws(GatewayStartError) {
        do {
            try server.start()
        } catch {
            throw GatewayStartError(error.code == .alreadyStarted ? .alreadyStarted : .listen, "cannot listen on \(configuration.server.listen): \(error.message)")
        }
        plugins.start()
        engines.start()
        let feed = self.feed
        let hub = self.hub
        hub.start()
        let services = kinds.services
        feedTasks.withLock {
            $0 = [Task { await feed.run() }, Task { await feed.pulse() }, Task { await hub.checkCallers() }]
                + services.map { service in Task { try? await service.run() } }
        }
        logger.notice("listening", [
            "address": "http://\(configuration.server.listen.host):\(server.port ?? 0)",
            "plugins": String(configuration.plugins.count),
            "tenants": String(configuration.tenants.count),
            "simulation": configuration.simulation.enabled ? "on" : "off",
        ])
    }

    /// Stops the simulation and the timers, stops accepting requests and lets in-flight ones
    /// finish (up to the grace period), then stops the plugins (a delivery in flight is cancelled and will come again). Every write
    /// is committed when its request is answered, so nothing is pending in storage.
    public func shutdown() async {
        logger.notice("shutting down", ["graceSeconds": String(configuration.server.shutdownGraceSeconds)])
        await engines.stop()
        feed.close()
        await server.shutdown()
        let tasks = feedTasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        tasks.forEach { $0.cancel() }
        for task in tasks { await task.value }
        hub.stop()
        await plugins.shutdown()
        try? await storage.log.checkpoint()
        logger.notice("stopped")
    }
}
