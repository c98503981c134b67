import PluginKit
import Switchboard

/// The development code sender: writes the code to the gateway's log at notice level
/// instead of sending it (`[auth] code_delivery = "log"`, the demo's setting), so a newcomer
/// can log in without an SMS provider or a telephone platform.
struct LogLoginCodeSender: LoginCodeSender {
    let logger: Logger

    func supports(_ channel: LoginChannel) -> Bool { true }

    func send(code: String, to number: PhoneNumber, tenant: TenantID, channel: LoginChannel, language: Language, clientAddress: String?) async throws {
        logger.notice("login code (development delivery: code_delivery = \"log\")", [
            "to": number.masked, "channel": channel.rawValue, "code": code,
        ])
    }
}
