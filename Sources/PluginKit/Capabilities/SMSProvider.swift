/// Sends text messages through one provider (AWS SNS, a Twilio-compatible API, a Norwegian
/// gateway): the capability the SMS plugin is built on.
///
/// Implementation requirements: `send` returns only when the provider accepted the message;
/// a provider answer that means "never" throws `.permanent` or `.misconfigured`, one that
/// means "later" throws `.transient` or `.rateLimited`. `idempotencyKey` is passed to the
/// provider where it supports one, so a retried send is not sent twice.
public protocol SMSProvider: Sendable {
    /// The provider's name for the ledger, e.g. `aws-sns`.
    var name: String { get }
    /// Sends one message.
    func send(_ message: SMSMessage, idempotencyKey: String) async throws(PluginError) -> SMSReceipt
}

/// One text message to one recipient.
public struct SMSMessage: Sendable, Equatable {
    /// The recipient in E.164 (`+4791234567`).
    public var recipient: String
    /// The sender id or number shown to the recipient.
    public var sender: String
    /// The text.
    public var text: String

    /// Creates a message.
    public init(recipient: String, sender: String, text: String) {
        self.recipient = recipient
        self.sender = sender
        self.text = text
    }
}

/// What a provider said when it accepted a message.
public struct SMSReceipt: Sendable, Equatable {
    /// The provider's message id, for status callbacks.
    public var providerMessageID: String
    /// The number of parts the provider will bill, when it says.
    public var providerSegments: Int?

    /// Creates a receipt.
    public init(providerMessageID: String, providerSegments: Int? = nil) {
        self.providerMessageID = providerMessageID
        self.providerSegments = providerSegments
    }
}
