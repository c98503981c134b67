/// One call in the call log (LOG-2): who called whom, which queue, who answered, the wait
/// before the answer and the duration.
public struct CallLogEntry: Sendable, Hashable, Codable {
    /// Incoming (from the platform) or outgoing (click-to-call).
    public enum Direction: String, Sendable, Hashable, Codable {
        /// A call that arrived for a queue or a user.
        case incoming
        /// A user's click-to-call.
        case outgoing
    }

    /// The call.
    public let call: CallID
    /// Incoming or outgoing.
    public let direction: Direction
    /// The caller's number (for outgoing calls, the user's own phone).
    public let from: PhoneNumber
    /// The caller, when a colleague.
    public let fromUser: UserID?
    /// The caller's name, when a colleague.
    public let fromName: String?
    /// The number called (for outgoing calls to a number, that number).
    public internal(set) var to: PhoneNumber?
    /// The queue called (first queue).
    public internal(set) var queue: QueueID?
    /// The user called directly (direct calls, click-to-calls to a colleague).
    public internal(set) var user: UserID?
    /// When the call started.
    public let startedAt: Timestamp
    /// The colleague who answered first.
    public internal(set) var answeredBy: UserID?
    /// Colleagues who talked with the caller: the first to answer, then transfer targets.
    public internal(set) var handledBy: [UserID]
    /// When it was first answered.
    public internal(set) var answeredAt: Timestamp?
    /// Milliseconds before the answer (or before the end, if never answered).
    public internal(set) var waitMs: Int64?
    /// Milliseconds from start to end.
    public internal(set) var durationMs: Int64?
    /// Milliseconds from answer to end (the timeline's talk part).
    public internal(set) var talkMs: Int64?
    /// How it ended; nil while in progress.
    public internal(set) var outcome: CallOutcome?
    /// Nobody of the company answered.
    public internal(set) var missed: Bool
    /// LOG-3: marked called back, by whom.
    public internal(set) var calledBackBy: UserID?
    /// When it ended.
    public internal(set) var endedAt: Timestamp?
}
