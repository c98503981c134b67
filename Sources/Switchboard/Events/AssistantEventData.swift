/// `assistant.played`: PA-1: the caller hears the user's personal assistant.
public struct AssistantPlayedData: Sendable, Hashable, Codable {
    /// The user called.
    public let user: UserID
    /// The status read out.
    public let status: AvailabilityStatus
    /// The status's end, when set.
    public let until: Timestamp?
    /// The custom message read first, when set.
    public let customMessage: String?
    /// The caller is told the user is on the phone ("activate when in a call").
    public let inCall: Bool
    /// The language of the prompt (the user's).
    public let language: Language
}

/// `assistant.choice`: PA-1: what the caller chose.
public struct AssistantChoiceData: Sendable, Hashable, Codable {
    /// The user called.
    public let user: UserID
    /// The choice.
    public let choice: AssistantChoice
    /// The key pressed (`1`, `2`), nil for `noInput`.
    public let digit: String?
}

/// `voicemail.left`: the caller left a message (they hung up after the greeting).
public struct VoicemailLeftData: Sendable, Hashable, Codable {
    /// The user's box, for direct calls.
    public let user: UserID?
    /// The queue's box, after max wait.
    public let queue: QueueID?
    /// The caller's number.
    public let from: PhoneNumber
    /// Milliseconds from the greeting to the hang-up.
    public let durationMs: Int64
}

/// `notification.missedCall.requested`: PA-1 "SMS notification of missed calls": the SMS
/// plugin sends `user` a message with the caller's number.
public struct MissedCallNotificationData: Sendable, Hashable, Codable {
    /// The user to notify.
    public let user: UserID
    /// The user's mobile number, the SMS's recipient.
    public let to: PhoneNumber
    /// The caller's number, the SMS's subject.
    public let from: PhoneNumber
    /// The user's language for the text.
    public let language: Language
}
