/// A caller waiting in a queue (WAIT-1).
public struct WaitingCall: Sendable, Hashable {
    /// The call.
    public let call: CallID
    /// The queue it waits in.
    public let queue: QueueID
    /// The caller's number.
    public let from: PhoneNumber
    /// Milliseconds since the caller started waiting (in any queue).
    public let waitMs: Int64
    /// 1-based place in the queue's waiting list.
    public let position: Int
    /// The member whose phone rings with it now, if any.
    public let offeredTo: UserID?
}
