public import Foundation

/// What the SMS service asks the ledger to record before anything is sent.
public struct SMSReservation: Sendable, Hashable {
    /// `EVENT-ID|RECIPIENT|PURPOSE` (see ``key(eventID:recipient:purpose:)``).
    public var idempotencyKey: String
    /// The company.
    public var tenant: String
    /// The user the SMS is for or from.
    public var user: String?
    /// The user's department.
    public var department: String?
    /// The queue involved.
    public var queue: String?
    /// Why it is sent.
    public var purpose: SMSPurpose
    /// The recipient in E.164.
    public var recipient: String
    /// The text, already quoted.
    public var text: String
    /// The quote of `text`.
    public var quote: SMSQuote
    /// Notices with the same group merge while waiting; nil never merges.
    public var mergeGroup: String?
    /// When it was asked for.
    public var createdAt: Date
    /// Not sent before this.
    public var sendAfter: Date
    /// Dropped instead of sent after this.
    public var expiresAt: Date

    /// Creates a reservation.
    public init(
        idempotencyKey: String, tenant: String, user: String?, department: String?, queue: String?, purpose: SMSPurpose,
        recipient: String, text: String, quote: SMSQuote, mergeGroup: String?, createdAt: Date, sendAfter: Date,
        expiresAt: Date
    ) {
        self.idempotencyKey = idempotencyKey
        self.tenant = tenant
        self.user = user
        self.department = department
        self.queue = queue
        self.purpose = purpose
        self.recipient = recipient
        self.text = text
        self.quote = quote
        self.mergeGroup = mergeGroup
        self.createdAt = createdAt
        self.sendAfter = sendAfter
        self.expiresAt = expiresAt
    }

    /// The idempotency key of the SMS caused by `eventID` to `recipient` for `purpose`.
    public static func key(eventID: String, recipient: String, purpose: SMSPurpose) -> String {
        "\(eventID)|\(recipient)|\(purpose.rawValue)"
    }

    /// `+47912345678` → `+47******78`: the country code (up to the first 2 digits after `+`)
    /// and the last two digits stay.
    public static func mask(_ recipient: String) -> String {
        let characters = Array(recipient)
        let head = characters.first == "+" ? min(3, characters.count) : 0
        let tail = min(2, max(0, characters.count - head))
        let hidden = characters.count - head - tail
        return String(characters[..<head]) + String(repeating: "*", count: hidden) + String(characters[(characters.count - tail)...])
    }
}
