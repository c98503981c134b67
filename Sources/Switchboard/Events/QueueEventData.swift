/// `queue.caller.joined`: a caller started waiting in a queue (WAIT-1).
public struct QueueCallerJoinedData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The caller's number.
    public let from: PhoneNumber
    /// The caller's name, when it is a colleague.
    public let fromName: String?
    /// 1-based place in the waiting list.
    public let position: Int
    /// Why the caller is here.
    public let cause: QueueJoinCause
    /// The queue that overflowed, for `cause == overflow`.
    public let fromQueue: QueueID?
    /// After this many milliseconds in this queue, its `afterMaxWait` applies.
    public let maxWaitMs: Int64
    /// CMT-1: the comments on the caller's number, oldest first.
    public let comments: [CallerComment]
}

/// `queue.caller.left`: a caller stopped waiting in a queue.
public struct QueueCallerLeftData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// Why.
    public let reason: QueueLeaveReason
    /// Milliseconds waited in this queue.
    public let waitMs: Int64
}

/// `queue.offer.ringing`: a member's phone rings with a waiting call (WAIT-2, WAIT-3).
public struct QueueOfferRingingData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The member.
    public let user: UserID
    /// The member's leg.
    public let leg: LegID
    /// The number rung (the member's active phone, AV-2).
    public let number: PhoneNumber
    /// Which phone.
    public let device: Device
    /// Why this member: see `OfferRule`.
    public let rule: OfferRule
    /// The member's priority in the queue.
    public let priority: Int
    /// Milliseconds the member had been free.
    public let idleMs: Int64
    /// Free members that could have been chosen (including this one).
    public let candidates: Int
    /// 1 for the first offer of this call in this queue, then 2, 3, …
    public let attempt: Int
    /// Milliseconds the caller has waited in the queue.
    public let waitMs: Int64
    /// How long it rings before the next member is tried, in milliseconds.
    public let ringTimeoutMs: Int64
}

/// `queue.offer.rescinded`: a ringing offer was withdrawn; the member's phone stops.
public struct QueueOfferRescindedData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The member.
    public let user: UserID
    /// The member's leg.
    public let leg: LegID
    /// Why.
    public let reason: OfferRescindReason
    /// Milliseconds it rang.
    public let ringMs: Int64
}

/// `queue.offer.failed`: the member did not take the call; the next member is tried.
public struct QueueOfferFailedData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The member.
    public let user: UserID
    /// The member's leg.
    public let leg: LegID
    /// Why.
    public let reason: OfferFailReason
    /// Milliseconds it rang.
    public let ringMs: Int64
}
