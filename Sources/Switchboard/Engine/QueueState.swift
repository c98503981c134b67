/// What the engine knows about a queue beyond its definition: who is logged in, who waits.
struct QueueState: Sendable, Hashable, Codable {
    let definition: CallQueue
    /// Members in configured order, with their priorities.
    let members: [QueueMember]
    var loggedIn: Set<UserID>
    /// Waiting calls, longest-waiting first (by the time they started waiting in any queue).
    var waiting: [CallID]
    /// milliseconds the last answered call waited.
    var lastAnsweredWaitMs: Int64?
}
