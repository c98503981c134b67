import SMSPlugin
import Switchboard

/// Which SMS service sends a company's SMS: the `sms` plugin instance that serves that
/// company alone (`tenants = ["ID"]`) if there is one, else the one serving every company.
struct SMSServiceDirectory: Sendable {
    /// Each instance's service with the companies its filter names (empty: all).
    let services: [(tenants: Set<String>, service: SMSService)]

    /// The service for `tenant`, if any instance serves it.
    func service(for tenant: TenantID) -> SMSService? {
        services.first { $0.tenants == [tenant.rawValue] }?.service ?? services.first { $0.tenants.isEmpty || $0.tenants.contains(tenant.rawValue) }?.service
    }
}
