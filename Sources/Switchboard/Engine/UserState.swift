/// What the engine knows about a user beyond the directory: status, queue logins, phones in use.
struct UserState: Sendable, Hashable, Codable {
    /// The directory entry, with the settings as last changed.
    var profile: User
    var availability: Availability
    /// Queues the user is a member of, in directory order.
    let memberships: [QueueID]
    /// Queues the user is logged into, in directory order.
    var loggedIn: [QueueID]
    /// PROF-9: the queues to log back into when the user is Available again.
    var rememberedQueues: [QueueID]?
    /// Legs ringing or up on the user's phones; a member with none (and no wrap-up) is free.
    var legs: [LegID]
    /// The wrap-up after a queue call, with its queue and end.
    var wrapUp: WrapUp?
    /// Since when the user has been without a call (WAIT-2 ties).
    var idleSince: Timestamp

    struct WrapUp: Sendable, Hashable, Codable {
        let queue: QueueID
        let until: Timestamp
    }

    /// Free for a queue offer: no phone in use, not in wrap-up, and a phone to ring.
    var isFree: Bool { legs.isEmpty && wrapUp == nil && profile.activeDevice != nil }
}
