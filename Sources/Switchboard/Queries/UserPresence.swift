/// A user as the console shows them (DIR-1, DIR-4, PROF-2): current settings, status,
/// queue logins and phone activity.
public struct UserPresence: Sendable, Hashable {
    /// The directory entry with the current settings.
    public let user: User
    /// The current status.
    public let availability: Availability
    /// The queues the user is a member of, in directory order, with priority and login.
    public let memberships: [QueueMembership]
    /// PROF-9: the queues the user will be logged back into on returning to Available.
    public let rememberedQueues: [QueueID]?
    /// One of the user's phones is in a call.
    public let inCall: Bool
    /// One of the user's phones rings.
    public let ringing: Bool
    /// The end of the wrap-up after a queue call, when in one.
    public let wrapUpUntil: Timestamp?
}

/// A user's membership of a queue and whether they are logged in (Q-2, DIR-4).
public struct QueueMembership: Sendable, Hashable {
    /// The queue.
    public let queue: QueueID
    /// The member's priority in it.
    public let priority: Int
    /// Logged in now.
    public let loggedIn: Bool
}
