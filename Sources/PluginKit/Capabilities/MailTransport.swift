/// Delivers email (SMTP in the gateway): the capability the email plugin is built on.
///
/// Implementation requirements: `send` returns when the server accepted the message for
/// every recipient; a refused recipient or login throws `.permanent`/`.misconfigured`, a
/// server that is down throws `.transient`.
public protocol MailTransport: Sendable {
    /// Sends one message.
    func send(_ mail: MailMessage) async throws(PluginError)
}

/// One email: envelope and RFC 5322 content.
public struct MailMessage: Sendable, Equatable {
    /// The envelope sender address.
    public var from: String
    /// The envelope recipients.
    public var to: [String]
    /// The subject.
    public var subject: String
    /// The plain-text body.
    public var body: String

    /// Creates a message.
    public init(from: String, to: [String], subject: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
    }
}
