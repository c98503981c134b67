import PluginKit
import SMSPlugin
import Switchboard

/// Sends login codes by SMS through the company's SMS service (`[auth] code_delivery =
/// "sms"`): charged and recorded in the ledger like every SMS, under the purpose
/// `login-code`. A read-out call needs a telephone platform that can speak the code; this
/// sender has none and says so.
struct SMSLoginCodeSender: LoginCodeSender {
    let services: SMSServiceDirectory
    let validMinutes: Int

    func supports(_ channel: LoginChannel) -> Bool { channel == .sms }

    func send(code: String, to number: PhoneNumber, tenant: TenantID, channel: LoginChannel, language: Language, clientAddress: String?) async throws {
        guard let service = services.service(for: tenant) else { throw SMSSendError(.unavailable, "no SMS plugin serves \(tenant)") }
        let text = SMSTemplates.loginCode(code, validMinutes: validMinutes, language: language == .en ? .en : .nb)
        _ = try await service.send(SMSSendRequest(
            requestID: "login:\(try AccessToken.randomID())", tenant: tenant.rawValue, purpose: .loginCode, recipient: number.e164, text: text,
            clientAddress: clientAddress))
    }
}
