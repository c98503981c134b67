import Foundation
import HTTPServer
import PluginKit
import Switchboard

/// The whole API under /api/v1, composed from the gateway's parts: every route group
/// registered on one router behind the authenticator.
struct APIRoutes {
    let configuration: GatewayConfiguration
    let storage: GatewayStorage
    let engines: EngineHost
    let feed: EventFeed
    let hub: EventStreamHub
    /// The started plugin kinds: their routes and channels.
    let kinds: PluginKinds
    /// Where requests start work that outlives their answer (login codes' delivery).
    let work: BackgroundWork
    let logger: Logger

    /// Adds every API route to `router`.
    func register(in router: inout Router) throws {
        let authenticator = try Authenticator(tables: storage.access, tenants: configuration.tenants)
        let engines = self.engines
        SystemRoutes(
            storageHealth: storage.health, failedEngines: engines.failedTenants,
            isAuthenticated: { (try? await authenticator.caller(of: $0)) != nil }
        ).register(in: &router)
        let sender: any LoginCodeSender = switch configuration.auth.codeDelivery {
        case .log: LogLoginCodeSender(logger: logger.labelled("auth"))
        case .sms:
            PluginLoginCodeSender(
                delivery: "sms", channel: kinds.loginCodes("sms"), validMinutes: configuration.auth.codeValidSeconds / 60)
        }
        let login = LoginService(
            configuration: configuration.auth, tables: storage.access, sender: sender,
            logger: logger.labelled("auth"), work: work
        ) { number, tenant, channel in
            await engines.account(for: number, tenant: tenant, channel: channel)
        }
        var api = APIRouter(
            router: router, authenticator: authenticator, engines: { engines.runtimes[$0.rawValue] },
            idempotency: IdempotencyGuard(table: storage.idempotency, logger: logger.labelled("http")))
        AuthRoutes(login: login, authenticator: authenticator).register(in: &api)
        DirectoryRoutes().register(in: &api)
        ProfileRoutes(pictures: storage.pictures).register(in: &api)
        QueueRoutes().register(in: &api)
        CallRoutes().register(in: &api)
        CallLogRoutes().register(in: &api)
        CommentRoutes().register(in: &api)
        TelephonyRoutes().register(in: &api)
        DirectoryAdminRoutes(authenticator: authenticator, pictures: storage.pictures).register(in: &api)
        APIKeyRoutes(keys: storage.access, configured: configuration.tenants, authenticator: authenticator).register(in: &api)
        PluginAdminRoutes(plugins: configuration.plugins, companies: Set(configuration.tenants.map(\.id)), storage: storage, logger: logger.labelled("plugins")).register(in: &api)
        kinds.register(in: &api)
        EventStreamRoutes(
            feed: feed, hub: hub, authenticator: authenticator,
            admission: StreamAdmission(
                perCaller: configuration.server.streamsPerCaller, perCompany: configuration.server.streamsPerCompany)
        ).register(in: &api)
        router = api.router
    }
}
