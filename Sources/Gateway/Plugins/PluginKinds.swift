import HTTPClient
import PluginKit
import Storage

/// Every plugin kind started for the gateway (``PluginFactory/start(instances:context:)``):
/// what each adds — routes, background services, channels — and the handles they were
/// given. The gateway asks it for these and names no kind.
struct PluginKinds: Sendable {
    /// One started kind.
    struct Started: Sendable {
        /// The kind, e.g. `sms`.
        let kind: String
        /// What it added.
        let extensions: PluginExtensions
        /// Its tables, if it has any.
        let database: (any PluginDatabase)?
    }

    /// The kinds in registry order.
    let started: [Started]
    /// Where plugins' events go.
    let events: any PluginEventSink

    /// Starts every kind of `factories` with its configured instances.
    ///
    /// - Throws: `GatewayStartError` with code `.storage` when a kind's tables cannot be
    ///   opened, `.plugins` when a kind cannot start.
    static func start(
        factories: [any PluginFactory], configuration: GatewayConfiguration, storage: GatewayStorage, engines: EngineHost, logger: Logger
    ) async throws(GatewayStartError) -> PluginKinds {
        let events = LogEventSink(log: storage.log, companies: Set(configuration.tenants.map(\.id)))
        let runtimes = engines.runtimes
        // One session (two transfer threads) for every kind's own work; each instance's
        // deliveries have their own (`PluginContextFactory`).
        let http = HTTPSession(configuration: HTTPSessionConfiguration(threadCount: 2))
        var started: [Started] = []
        for factory in factories {
            let database: SQLitePluginDatabase?
            do {
                database = try factory.schema.map { try storage.pluginDatabase(kind: factory.kind, schema: $0) }
            } catch {
                throw GatewayStartError(.storage, "cannot open the tables of plugin kind \(factory.kind): \(error)")
            }
            let context = PluginKindContext(
                logger: logger.labelled("plugin.\(factory.kind)"), clock: SystemPluginClock(),
                http: http, database: database, events: events,
                companies: { id in runtimes[id].map(EngineCompanyDirectory.init(runtime:)) })
            let instances = configuration.plugins.filter { $0.kind == factory.kind }.map(\.plugin)
            do {
                started.append(Started(kind: factory.kind, extensions: try await factory.start(instances: instances, context: context), database: database))
            } catch {
                throw GatewayStartError(.plugins, "plugin kind \(factory.kind) cannot start: \(error)")
            }
        }
        return PluginKinds(started: started, events: events, logger: logger)
    }

    /// The logger of each kind's routes.
    let logger: Logger

    /// Every kind's background services, in registry order.
    var services: [any Service] { started.flatMap(\.extensions.services) }

    /// The channel offering login-code delivery `delivery`, if a kind offers it.
    func loginCodes(_ delivery: String) -> (any LoginCodeChannel)? {
        started.lazy.compactMap(\.extensions.loginCodes).first { $0.delivery == delivery }
    }

    /// Adds every kind's routes to `api`.
    func register(in api: inout APIRouter) {
        for kind in started {
            for route in kind.extensions.routes {
                api.plugin(route, database: kind.database, events: events, logger: logger.labelled("plugin.\(kind.kind)"))
            }
        }
    }
}
