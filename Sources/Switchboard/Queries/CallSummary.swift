/// A call in progress as the console and the API show it: who called, where it is, who is
/// on it.
public struct CallSummary: Sendable, Hashable {
    /// A phone in the call.
    public struct Party: Sendable, Hashable {
        /// The leg.
        public let leg: LegID
        /// The user whose phone it is; nil for the caller or an outside number.
        public let user: UserID?
        /// The phone rings (not yet answered).
        public let ringing: Bool
    }

    /// Where a call is in its life.
    public enum State: String, Sendable, Hashable {
        /// A click-to-call rings the user's own phone.
        case ringingOwnPhone
        /// The caller waits in a queue.
        case queued
        /// A user's phones or a number ring.
        case ringing
        /// The personal assistant (PA-1) plays.
        case assistant
        /// Two parties talk (or one holds).
        case connected
        /// The caller leaves a message.
        case voicemail
        /// A transfer rings its target.
        case transferring
    }

    /// The call.
    public let call: CallID
    /// The caller's number (for click-to-calls, the user's own phone).
    public let from: PhoneNumber
    /// The caller, when a colleague.
    public let fromUser: UserID?
    /// The queue the caller waits in or came through, if any.
    public let queue: QueueID?
    /// The user called directly, if any.
    public let user: UserID?
    /// Where the call is.
    public let state: State
    /// The other party is on hold.
    public let onHold: Bool
    /// When it started.
    public let startedAt: Timestamp
    /// When it was first answered.
    public let answeredAt: Timestamp?
    /// The phones in it that ring or are up, in leg order.
    public let parties: [Party]
}

extension SwitchboardState {
    /// The calls in progress, oldest first.
    public func callSummaries() -> [CallSummary] {
        activeCalls.compactMap(callSummary(of:))
    }

    /// The call `id` if it is in progress.
    public func callSummary(of id: CallID) -> CallSummary? {
        guard let call = calls[id] else { return nil }
        let state: CallSummary.State
        switch call.phase {
        case .ringingOwnDevice: state = .ringingOwnPhone
        case .queued: state = .queued
        case .ringing: state = .ringing
        case .assistant: state = .assistant
        case .connected: state = .connected
        case .voicemail: state = .voicemail
        case .transferring: state = .transferring
        }
        return CallSummary(
            call: id, from: call.caller, fromUser: call.callerUser, queue: call.queueEntry?.queue ?? call.firstQueue,
            user: call.directUser, state: state, onHold: call.held, startedAt: call.startedAt, answeredAt: call.answeredAt,
            parties: parties(of: id).map { CallSummary.Party(leg: $0.leg, user: $0.user, ringing: $0.ringing) })
    }
}
