import Foundation
import HTTPServer
public import PluginKit
import Synchronization

/// The running gateway: storage, the HTTP API and (with later issues) the engine and plugins,
/// composed from one `GatewayConfiguration`.
///
/// Lifecycle: `start()` once, then `shutdown()` once. `shutdown()` lets in-flight requests
/// finish within the configured grace period.
public final class GatewayService: Sendable {
    /// The configuration the service runs with.
    public let configuration: GatewayConfiguration
    private let logger: Logger
    private let server: HTTPServer

    /// Creates the service; nothing runs until `start()`.
    public init(configuration: GatewayConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        var router = Router()
        SystemRoutes(storageCheck: { true }).register(in: &router)
        let settings = configuration.server
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: settings.listen.host,
                port: settings.listen.port,
                threadPoolSize: settings.threads,
                maxRequestBodyBytes: settings.maxRequestBytes,
                connectionTimeout: .seconds(settings.connectionTimeoutSeconds),
                shutdownGracePeriod: .seconds(settings.shutdownGraceSeconds)),
            responder: router,
            accessLog: RequestLog(logger: logger.labelled("http")).record)
    }

    /// The port the API listens on once started (the system's choice for port 0).
    public var port: Int? { server.port }

    /// Opens storage and starts serving.
    ///
    /// - Throws: `GatewayStartError` when the listen address cannot be bound or storage cannot
    ///   be opened; nothing is left running then.
    public func start() throws(GatewayStartError) {
        do {
            try server.start()
        } catch {
            throw GatewayStartError(error.code == .alreadyStarted ? .alreadyStarted : .listen, "cannot listen on \(configuration.server.listen): \(error.message)")
        }
        logger.notice("listening", ["address": "http://\(configuration.server.listen.host):\(server.port ?? 0)"])
    }

    /// Stops accepting requests, lets in-flight ones finish (up to the grace period), closes
    /// storage.
    public func shutdown() async {
        logger.notice("shutting down", ["graceSeconds": String(configuration.server.shutdownGraceSeconds)])
        await server.shutdown()
        logger.notice("stopped")
    }
}
