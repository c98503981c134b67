/// What a queue does with a caller who has waited its maximum wait without being answered.
public enum QueueTimeoutAction: String, Sendable, CaseIterable, Codable {
    /// The caller is sent to the queue's voicemail.
    case voicemail
    /// The caller moves to the queue's overflow queue.
    case overflow
    /// The call ends with a message.
    case hangUp = "hang_up"
}
