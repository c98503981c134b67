/// What the engine knows about a user beyond the directory: status and queue logins. The
/// hot fields (phones in use, wrap-up, idle since) are in `UserActivity`.
struct UserState: Sendable, Hashable, Codable {
    /// The directory entry, with the settings as last changed.
    var profile: User
    var availability: Availability
    /// Queues the user is a member of, in directory order.
    var memberships: [QueueID]
    /// Queues the user is logged into, in directory order.
    var loggedIn: [QueueID]
    /// PROF-9: the queues to log back into when the user is Available again.
    var rememberedQueues: [QueueID]?
}
