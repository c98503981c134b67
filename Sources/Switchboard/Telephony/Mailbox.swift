/// Whose voicemail a message is left in.
public enum Mailbox: Sendable, Hashable, Codable {
    /// A user's voicemail (direct calls, PA-1 key 1).
    case user(UserID)
    /// A queue's voicemail (after max wait).
    case queue(QueueID)
}
