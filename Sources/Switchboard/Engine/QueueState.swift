/// What the engine knows about a queue beyond its definition: who is logged in, who waits.
struct QueueState: Sendable, Hashable, Codable {
    let definition: CallQueue
    /// Members in configured order, with their priorities.
    let members: [QueueMember]
    /// Each member's slot in `SwitchboardState.activity`, in the order of `members`.
    let memberSlots: [Int]
    var loggedIn: Set<UserID>
    /// Whether each member is logged in, in the order of `members` (mirrors `loggedIn`).
    var memberLoggedIn: [Bool]
    /// Waiting calls, longest-waiting first (by the time they started waiting in any queue).
    var waiting: [CallID]
    /// Waiting calls with an offer ringing (those whose queue entry has an `offerLeg`).
    var offering: [CallID]
    /// milliseconds the last answered call waited.
    var lastAnsweredWaitMs: Int64?
}
