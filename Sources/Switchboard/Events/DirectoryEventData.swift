/// `member.queue.login` and `member.queue.logout`: Q-2 and PROF-9.
public struct MemberQueueData: Sendable, Hashable, Codable {
    /// The member.
    public let user: UserID
    /// The queue.
    public let queue: QueueID
    /// By hand, by status, or by a change of the directory.
    public let cause: LoginCause
    /// Who did it; nil when the engine did it (status expiry) or the gateway did it with its
    /// own authority (an admin API key changing the directory).
    public let by: UserID?
}

/// `member.wrapUp.ended`: the member's wrap-up after a queue call ended; they are free again.
public struct MemberWrapUpEndedData: Sendable, Hashable, Codable {
    /// The member.
    public let user: UserID
    /// The queue whose wrap-up it was.
    public let queue: QueueID
}

/// `user.status.changed`: AV-1, DIR-5.
public struct UserStatusChangedData: Sendable, Hashable, Codable {
    /// Whose status.
    public let user: UserID
    /// The new status.
    public let status: AvailabilityStatus
    /// When it ends by itself, if set.
    public let until: Timestamp?
    /// The status before.
    public let previous: AvailabilityStatus
    /// Who changed it; nil when it expired.
    public let by: UserID?
    /// Manual or expired.
    public let cause: StatusChangeCause
}

/// `user.settings.changed`: a user's profile settings were replaced.
public struct UserSettingsChangedData: Sendable, Hashable, Codable {
    /// Whose settings.
    public let user: UserID
    /// The new settings.
    public let settings: UserSettings
    /// Who changed them.
    public let by: UserID
}
