import Foundation
import HTTPClient
import HTTPServer
public import PluginKit
import Storage
import Synchronization

/// The running gateway: storage, every company's engine (with the simulated platform when
/// configured), the HTTP API and the plugin host, composed from one `GatewayConfiguration`.
///
/// Lifecycle: `init` opens storage and starts the plugin kinds; ``start()`` once starts every
/// part as one ``ServiceGroup`` — the event log, the plugin host, the plugin kinds' background
/// services, the event feed, the stream hub, the HTTP server and the engines' timers, in that
/// order — and ``shutdown()`` once stops them in reverse.
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
    private let kinds: PluginKinds
    /// Every part that runs, in start order; see ``start()`` and ``shutdown()``.
    private let group: ServiceGroup
    private let lifecycle = Mutex(Lifecycle.idle)

    /// Where the gateway is in its one start and one stop.
    private enum Lifecycle {
        case idle
        case running(Task<Void, Never>)
        case stopped
    }

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
        let work = BackgroundWork()
        hub = EventStreamHub(feed: feed, work: work, heartbeat: .seconds(configuration.server.streamHeartbeatSeconds))
        do {
            try APIRoutes(
                configuration: configuration, storage: storage, engines: engines, feed: feed, hub: hub, kinds: kinds, work: work, logger: logger)
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
        group = ServiceGroup(
            [EventLogService(log: storage.log), work, plugins] + kinds.services
                + [feed, StreamHubService(hub: hub), HTTPServerService(server: server), engines])
    }

    /// The engine of company `tenant`, for commands and queries; nil for an unknown company.
    public func engine(of tenant: String) -> TenantRuntime? { engines.runtimes[tenant] }

    /// The port the API listens on once started (the system's choice for port 0).
    public var port: Int? { server.port }

    /// Starts every service in order (``services``): binds the listen address, starts
    /// delivering, following the log and firing timers; returns once all have started.
    ///
    /// - Throws: `GatewayStartError` when the listen address cannot be bound or a service
    ///   cannot start; nothing is left running then.
    public func start() async throws(GatewayStartError) {
        let (outcomes, outcome) = AsyncStream<ServiceGroupError?>.makeStream()
        let group = self.group
        let logger = self.logger
        let started = lifecycle.withLock { lifecycle -> Bool in
            guard case .idle = lifecycle else { return false }
            lifecycle = .running(Task {
                do {
                    try await group.run { outcome.yield(nil) }
                } catch let failure as ServiceGroupError {
                    outcome.yield(failure)
                    if failure.phase == .run { logger.error("a service failed; the gateway stopped", ["reason": failure.description]) }
                } catch {
                    outcome.yield(ServiceGroupError(service: "gateway", phase: .run, cause: error))
                }
                outcome.finish()
            })
            return true
        }
        guard started else { throw GatewayStartError(.alreadyStarted, "the gateway was already started") }
        for await failure in outcomes {
            guard let failure else { break }
            await shutdown(quietly: true)
            throw startError(failure)
        }
        logger.notice("listening", [
            "address": "http://\(configuration.server.listen.host):\(server.port ?? 0)",
            "plugins": String(configuration.plugins.count),
            "tenants": String(configuration.tenants.count),
            "simulation": configuration.simulation.enabled ? "on" : "off",
        ])
    }

    /// Stops every service in reverse order (``services``): the engines' timers and the
    /// simulation, then the HTTP server (refusing new connections, letting in-flight requests
    /// finish up to the grace period; streams and long polls end first), the stream hub and the
    /// feed, the plugins' background services and the plugin host (a delivery in flight is
    /// cancelled and comes again), and last the event log's checkpoint. Every write is
    /// committed when its request is answered, so nothing is pending in storage.
    public func shutdown() async {
        await shutdown(quietly: false)
    }

    private func shutdown(quietly: Bool) async {
        let running = lifecycle.withLock { lifecycle -> Task<Void, Never>? in
            guard case .running(let task) = lifecycle else { return nil }
            lifecycle = .stopped
            return task
        }
        guard let running else { return }
        if !quietly { logger.notice("shutting down", ["graceSeconds": String(configuration.server.shutdownGraceSeconds)]) }
        running.cancel()
        await running.value
        if !quietly { logger.notice("stopped") }
    }

    /// The start error for a service that could not start.
    private func startError(_ failure: ServiceGroupError) -> GatewayStartError {
        if let error = failure.cause as? HTTPServerError {
            return GatewayStartError(
                error.code == .alreadyStarted ? .alreadyStarted : .listen, "cannot listen on \(configuration.server.listen): \(error.message)")
        }
        return GatewayStartError(.plugins, failure.description)
    }
}
