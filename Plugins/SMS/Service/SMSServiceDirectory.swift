import PluginKit

/// Which SMS service sends a company's SMS: the service of the `sms` instance serving that
/// company alone (`tenants = ["ID"]`) if there is one, else of the first serving every company
/// or naming it.
struct SMSServiceDirectory: Sendable {
    /// Each instance's service, by instance name.
    let instances: [String: SMSService]
    /// The instances in configuration order, with the companies each serves (empty: all).
    let order: [(name: String, tenants: Set<String>)]

    /// A directory of `plugins` and their services.
    init(plugins: [SMSPlugin], services: [String: SMSService]) {
        instances = services
        order = plugins.map { ($0.identity.instance, $0.filter.tenants) }
    }

    /// The service for `tenant`, if any instance serves it.
    func service(for tenant: String) -> SMSService? {
        Self.choose(order, for: tenant).flatMap { instances[$0] }
    }

    /// The name of the instance among `instances` (in configuration order) that serves
    /// `tenant`; without a tenant, the first.
    static func choose(_ instances: [(name: String, tenants: Set<String>)], for tenant: String?) -> String? {
        guard let tenant else { return instances.first?.name }
        let chosen = instances.first { $0.tenants == [tenant] } ?? instances.first { $0.tenants.isEmpty || $0.tenants.contains(tenant) }
        return chosen?.name
    }
}
