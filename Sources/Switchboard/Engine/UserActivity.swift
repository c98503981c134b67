/// A user's hot state, read and written on nearly every event: phones in use, wrap-up, idle
/// since. It lives apart from `UserState` in an array indexed by the user's slot, so
/// distribution can check a member without copying their profile out of a dictionary.
struct UserActivity: Sendable, Hashable, Codable {
    /// Legs ringing or up on the user's phones; a member with none (and no wrap-up) is free.
    var legs: [LegID]
    /// The wrap-up after a queue call, with its queue and end.
    var wrapUp: WrapUp?
    /// Since when the user has been without a call (WAIT-2 ties).
    var idleSince: Timestamp
    /// The user has a phone to ring (AV-2); follows their settings.
    var hasActiveDevice: Bool

    struct WrapUp: Sendable, Hashable, Codable {
        let queue: QueueID
        let until: Timestamp
    }

    /// Free for a queue offer: no phone in use, not in wrap-up, and a phone to ring.
    var isFree: Bool { legs.isEmpty && wrapUp == nil && hasActiveDevice }
}
