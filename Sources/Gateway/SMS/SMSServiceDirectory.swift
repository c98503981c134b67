import SMSPlugin
import Switchboard

/// Which SMS service sends a company's SMS: the service of the `sms` plugin instance
/// ``GatewayConfiguration/smsInstance(for:)`` chooses for the company.
struct SMSServiceDirectory: Sendable {
    /// The configuration whose instances are chosen from.
    let configuration: GatewayConfiguration
    /// Each instance's service, by instance name.
    let services: [String: SMSService]

    /// The service for `tenant`, if any instance serves it.
    func service(for tenant: TenantID) -> SMSService? {
        configuration.smsInstance(for: tenant.rawValue).flatMap { services[$0.name] }
    }
}
