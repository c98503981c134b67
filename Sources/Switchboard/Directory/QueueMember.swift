/// A user's membership of a queue. Membership is configuration; being logged in is
/// state the engine keeps.
public struct QueueMember: Sendable, Hashable, Codable {
    /// The member.
    public let user: UserID
    /// 1 is offered calls first (WAIT-2); ties go to the member idle longest.
    public var priority: Int

    /// A membership with a priority.
    public init(user: UserID, priority: Int = 1) {
        self.user = user
        self.priority = priority
    }
}
