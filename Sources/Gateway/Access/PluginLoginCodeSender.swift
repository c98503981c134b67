import PluginKit
import Switchboard

/// Sends login codes through the plugin channel offering the configured delivery
/// (`[auth] code_delivery = "sms"` → the SMS plugin's), when one does.
struct PluginLoginCodeSender: LoginCodeSender {
    /// Why a code cannot be sent: no configured plugin offers the delivery.
    struct Unavailable: Error, CustomStringConvertible {
        let delivery: String
        var description: String { "no [[plugins]] instance offers login-code delivery \"\(delivery)\"" }
    }

    let delivery: String
    let channel: (any LoginCodeChannel)?
    let validMinutes: Int

    func supports(_ channel: LoginChannel) -> Bool { channel == .sms }

    func send(code: String, to number: PhoneNumber, tenant: TenantID, channel: LoginChannel, language: Language, clientAddress: String?) async throws {
        guard let plugin = self.channel else { throw Unavailable(delivery: delivery) }
        try await plugin.sendLoginCode(
            code, validMinutes: validMinutes, to: number.e164, company: tenant.rawValue, language: language.rawValue, clientAddress: clientAddress)
    }
}
