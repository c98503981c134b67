/// One message to deliver: the SMTP envelope (sender and recipients, as given to
/// `MAIL FROM` and `RCPT TO`) and the finished RFC 5322 content.
public struct SMTPMessage: Hashable, Sendable {
    /// The envelope sender address, e.g. `varsel@example.no` (no angle brackets).
    public var sender: String
    /// The envelope recipient addresses; at least one. Bcc recipients go here only.
    public var recipients: [String]
    /// The message as sent: header fields, an empty line, the body, lines ending in CRLF.
    /// Non-ASCII text must already be MIME-encoded. libcurl escapes lines starting with `.`.
    public var content: [UInt8]

    /// Creates a message.
    public init(sender: String, recipients: [String], content: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.content = content
    }
}
