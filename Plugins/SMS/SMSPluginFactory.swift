public import PluginKit

/// Registers the `sms` kind: makes an ``SMSPlugin`` from a `[[plugins]]` section with the keys
/// ``SMSSettings`` and ``SMSProviderSettings`` list, keeps the SMS ledger in its own table
/// (``SMSSchema``), and at start gives the gateway the SMS and billing routes, each
/// instance's sending loop and the login-code channel; `sentralbord sms quote` and
/// `sentralbord billing export` are its commands.
public struct SMSPluginFactory: PluginFactory {
    /// `sms`.
    public static let kind = "sms"

    /// `sms`.
    public var kind: String { Self.kind }

    /// Creates the factory.
    public init() {}

    /// Reads the instance's keys, reporting each problem on `config`; nil when unusable.
    public func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        guard let settings = SMSSettings(config: config) else { return nil }
        return SMSPlugin(instance: instance, filter: filter, settings: settings)
    }

    /// The SMS ledger's table.
    public var schema: PluginSchema? { SMSSchema.schema }

    /// `sms quote` and `billing export`.
    public var commands: [PluginCommand] { [SMSQuoteCommand.command, BillingExportCommand.command] }

    /// Attaches the ledger to every instance and returns the routes, the sending loops and the
    /// login-code channel. Without instances, only the billing route (the ledger may hold
    /// earlier charges).
    public func start(instances: [any Plugin], context: PluginKindContext) async throws -> PluginExtensions {
        guard let database = context.database else { throw PluginError.misconfigured("the SMS plugin has no database") }
        let ledger = DatabaseSMSLedger(database: database)
        let plugins = instances.compactMap { $0 as? SMSPlugin }
        var services: [String: SMSService] = [:]
        var senders: [any Service] = []
        let companies = context.companies
        for plugin in plugins {
            let service = plugin.attach(
                ledger: ledger, http: context.http, logger: context.logger.labelled("plugin.sms.\(plugin.identity.instance)"), clock: context.clock,
                departmentOf: { tenant, user in await companies(tenant)?.user(user)?.department })
            services[plugin.identity.instance] = service
            senders.append(SMSSender(service: service, instance: plugin.identity.instance))
        }
        let directory = SMSServiceDirectory(plugins: plugins, services: services)
        return PluginExtensions(
            routes: SMSRoutes(services: directory).routes + BillingRoutes(services: directory).routes,
            services: senders,
            loginCodes: plugins.isEmpty ? nil : SMSLoginCodeChannel(services: directory))
    }
}
