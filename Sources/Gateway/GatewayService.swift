import Foundation
import HTTPServer
public import PluginKit
import Storage

/// The running gateway: storage, the HTTP API and (with later issues) the engine and plugins,
/// composed from one `GatewayConfiguration`.
///
/// Lifecycle: `init` opens storage, `start()` once starts serving, `shutdown()` once lets
/// in-flight requests finish within the configured grace period.
public final class GatewayService: Sendable {
    /// The configuration the service runs with.
    public let configuration: GatewayConfiguration
    private let logger: Logger
    private let server: HTTPServer
    private let database: DatabaseQueue

    /// Opens storage (creating the data directory if needed); nothing serves until `start()`.
    ///
    /// - Throws: `GatewayStartError` with code `.storage` when the data directory or the
    ///   database cannot be created or opened.
    public init(configuration: GatewayConfiguration, logger: Logger) throws(GatewayStartError) {
        self.configuration = configuration
        self.logger = logger
        let storage = configuration.storage
        do {
            try FileManager.default.createDirectory(atPath: storage.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw GatewayStartError(.storage, "cannot create the data directory \(storage.dataDirectory): \(error.localizedDescription)")
        }
        do {
            database = try DatabaseQueue(path: storage.databasePath)
        } catch {
            throw GatewayStartError(.storage, "cannot open the database \(storage.databasePath): \(error.message)")
        }
        let database = self.database
        var router = Router()
        SystemRoutes(storageCheck: {
            (try? await database.access { connection in try connection.prepare("SELECT 1").step() }) == true
        }).register(in: &router)
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
        logger.notice("listening", ["address": "http://\(configuration.server.listen.host):\(server.port ?? 0)"])
    }

    /// Stops accepting requests and lets in-flight ones finish (up to the grace period). Every
    /// write is committed when its request is answered, so nothing is pending in storage.
    public func shutdown() async {
        logger.notice("shutting down", ["graceSeconds": String(configuration.server.shutdownGraceSeconds)])
        await server.shutdown()
        logger.notice("stopped")
    }
}
