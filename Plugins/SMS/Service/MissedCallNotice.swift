public import PluginKit
public import Foundation

/// A `notification.missedCall.requested` event as the SMS service needs it (docs/events.md):
/// the user to tell, their mobile, the caller's number, the language, and the call's time and
/// queue.
public struct MissedCallNotice: Sendable, Hashable {
    /// The event type that carries a notice.
    public static let eventType = "notification.missedCall.requested"

    /// The event's id (the ledger key's first part).
    public var eventID: String
    /// The company.
    public var tenant: String
    /// The user who missed the call.
    public var user: String
    /// The user's mobile, the recipient (E.164).
    public var recipient: String
    /// The caller's number.
    public var caller: String
    /// The user's language.
    public var language: SMSLanguage
    /// The queue the call came through, when one did.
    public var queue: String?
    /// When the call was missed.
    public var occurredAt: Date

    /// Creates a notice.
    public init(
        eventID: String, tenant: String, user: String, recipient: String, caller: String, language: SMSLanguage,
        queue: String?, occurredAt: Date
    ) {
        self.eventID = eventID
        self.tenant = tenant
        self.user = user
        self.recipient = recipient
        self.caller = caller
        self.language = language
        self.queue = queue
        self.occurredAt = occurredAt
    }

    /// Reads `event`'s fields `user`, `to`, `from`, `language` and optional `queue`; throws
    /// `.permanent` when a required field is missing (the event can never be sent).
    public init(event: EventEnvelope) throws(PluginError) {
        let data = event.data
        func nonEmpty(_ value: String?) -> String? { value?.isEmpty == false ? value : nil }
        func field(_ key: String) -> String? {
            if case .string(let value) = data[key] { nonEmpty(value) } else { nil }
        }
        guard let user = nonEmpty(event.user), let recipient = field("to") else {
            throw .permanent("event \(event.id) has no user or no \"to\" number")
        }
        self.init(
            eventID: event.id, tenant: event.tenant, user: user, recipient: recipient, caller: field("from") ?? "ukjent nummer",
            language: SMSLanguage(tag: field("language")), queue: nonEmpty(event.queue), occurredAt: event.occurredAt)
    }
}
