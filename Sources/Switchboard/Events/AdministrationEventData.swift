/// `directory.user.created` and `directory.user.updated`: an admin added a user or replaced
/// a user's profile (`DirectoryChange.createUser`, `.updateUser`).
public struct DirectoryUserData: Sendable, Hashable, Codable {
    /// The user.
    public let user: UserID
    /// The profile now: name, department, email, numbers, role, language, settings.
    public let profile: User
    /// The profile before, for `directory.user.updated`.
    public let previous: User?
    /// The admin who did it; nil when the gateway did it with its own authority (an admin API key).
    public let by: UserID?
}

/// `directory.user.removed`: an admin removed a user (`DirectoryChange.removeUser`).
public struct DirectoryUserRemovedData: Sendable, Hashable, Codable {
    /// The user.
    public let user: UserID
    /// The profile the user had.
    public let profile: User
    /// The queues the user was a member of; those memberships ended with the user.
    public let queues: [QueueID]
    /// The admin who did it; nil when the gateway did it with its own authority.
    public let by: UserID?
}

/// `directory.queue.created`, `directory.queue.updated` and `directory.queue.removed`: an
/// admin added, changed or removed a queue (`DirectoryChange.createQueue`, `.updateQueue`,
/// `.removeQueue`).
public struct DirectoryQueueData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The definition now, with its members; for `directory.queue.removed`, the one it had.
    public let definition: CallQueue
    /// The definition before, for `directory.queue.updated`.
    public let previous: CallQueue?
    /// The admin who did it; nil when the gateway did it with its own authority.
    public let by: UserID?
}

/// `directory.member.set` and `directory.member.removed`: an admin made a user a member of a
/// queue, changed their priority, or ended the membership (`DirectoryChange.setMember`,
/// `.removeMember`).
public struct DirectoryMemberData: Sendable, Hashable, Codable {
    /// The queue.
    public let queue: QueueID
    /// The member.
    public let user: UserID
    /// The member's priority now; for `directory.member.removed`, the one they had.
    public let priority: Int
    /// The priority before, when `directory.member.set` changed an existing membership.
    public let previousPriority: Int?
    /// The admin who did it; nil when the gateway did it with its own authority.
    public let by: UserID?
}
