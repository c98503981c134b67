public import SMSPlugin
import PluginKit

extension GatewayConfiguration {
    /// The `sms` plugin instance that sends `tenant`'s SMS: the one serving that company alone
    /// (`tenants = ["ID"]`) if there is one, else the first serving every company or naming it.
    /// Without a tenant, the first `sms` instance. Nil when there is no such instance.
    public func smsInstance(for tenant: String?) -> (name: String, settings: SMSSettings)? {
        let instances = plugins.compactMap { plugin in
            (plugin.plugin as? SMSPlugin).map { (name: plugin.name, tenants: plugin.filter.tenants, settings: $0.settings) }
        }
        guard let tenant else { return instances.first.map { ($0.name, $0.settings) } }
        let chosen = instances.first { $0.tenants == [tenant] } ?? instances.first { $0.tenants.isEmpty || $0.tenants.contains(tenant) }
        return chosen.map { ($0.name, $0.settings) }
    }
}
