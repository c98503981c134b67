import PluginKit

/// Sends login codes by SMS through the company's SMS service (`[auth] code_delivery =
/// "sms"`): charged and recorded in the ledger like every SMS, under the purpose
/// `login-code`.
struct SMSLoginCodeChannel: LoginCodeChannel {
    let services: SMSServiceDirectory

    /// `sms`.
    var delivery: String { "sms" }

    func sendLoginCode(_ code: String, validMinutes: Int, to number: String, company: String, language: String, clientAddress: String?) async throws {
        guard let service = services.service(for: company) else { throw SMSSendError(.unavailable, "no SMS plugin serves \(company)") }
        let text = SMSTemplates.loginCode(code, validMinutes: validMinutes, language: language == "en" ? .en : .nb)
        _ = try await service.send(SMSSendRequest(
            requestID: "login:\(Hex.encode(try SecureRandom.bytes(count: 12)))", tenant: company, purpose: .loginCode, recipient: number, text: text,
            clientAddress: clientAddress))
    }
}
