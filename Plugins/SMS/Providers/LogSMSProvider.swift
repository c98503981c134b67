public import PluginKit
import Foundation

/// The embedded default: sends nothing, logs each message (recipient masked, text only at
/// debug level) and accepts it, so a gateway without a provider still exercises the ledger.
public struct LogSMSProvider: SMSProvider {
    /// `log`.
    public let name = "log"
    /// Where messages are logged.
    public let logger: Logger

    /// Creates a provider logging to `logger`.
    public init(logger: Logger) { self.logger = logger }

    /// Logs `message` and accepts it with id `log-` + the idempotency key's hash.
    public func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt {
        let segments = SMSSegmentation(text: message.text).segments
        logger.info(
            "sms (log provider, not sent)",
            ["to": SMSReservation.mask(message.recipient), "from": message.sender, "segments": String(segments)])
        logger.debug("sms text", ["text": message.text])
        let digest = (try? SHA256.digest(idempotencyKey)).map { Hex.encode(Array($0.prefix(8))) } ?? UUID().uuidString
        return SMSReceipt(providerMessageID: "log-\(digest)", providerSegments: segments)
    }
}
