/// A queue as the console shows it.
public struct QueueStatus: Sendable, Hashable {
    /// The queue's definition.
    public let queue: CallQueue
    /// Members logged in, in configured order.
    public let loggedIn: [UserID]
    /// Members (logged in or not) with a phone in a call.
    public let membersInCall: Int
    /// Callers waiting.
    public let waiting: Int
    /// Milliseconds the last answered call waited; nil before the first answer.
    public let lastAnsweredWaitMs: Int64?
}
