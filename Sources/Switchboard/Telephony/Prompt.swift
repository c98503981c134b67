/// A recorded or synthesized message the platform plays to a leg.
public enum Prompt: Sendable, Hashable, Codable {
    /// PA-1: the custom message (if any), the user's status (or "on the phone"), then
    /// "press 1 to leave a message, press 2 to ring anyway", in `language`.
    case assistant(user: UserID, customMessage: String?, status: AvailabilityStatus, inCall: Bool, language: Language)
    /// The greeting of a voicemail box; the platform records what follows until hang-up.
    case voicemail(Mailbox)
    /// The queue is closed for this caller (after max wait, `hang_up`).
    case queueClosed(QueueID, language: Language)
    /// Hold music while waiting in a queue or on hold.
    case waitingMusic
}
