/// A call queue (Køer): its number, its members and how it treats callers.
public struct CallQueue: Sendable, Hashable, Codable, Identifiable {
    /// Unique in the company.
    public let id: QueueID
    /// Shown in the console.
    public var name: String
    /// Calls to this number enter the queue.
    public var mainNumber: PhoneNumber
    /// How long a member's phone rings before the next member is tried.
    public var ringTimeout: Duration
    /// The longest a caller waits before `afterMaxWait` applies.
    public var maxWait: Duration
    /// After a call from this queue, a member is not offered calls for this long.
    public var wrapUp: Duration
    /// What happens to a caller who has waited `maxWait`.
    public var afterMaxWait: QueueTimeoutAction
    /// Where `overflow` sends the caller.
    public var overflowQueue: QueueID?
    /// The members, in configured order.
    public var members: [QueueMember]

    /// A queue; durations default to the product's defaults (20 s, 10 min, none).
    public init(
        id: QueueID, name: String, mainNumber: PhoneNumber, ringTimeout: Duration = .seconds(20),
        maxWait: Duration = .seconds(600), wrapUp: Duration = .zero, afterMaxWait: QueueTimeoutAction = .voicemail,
        overflowQueue: QueueID? = nil, members: [QueueMember] = []
    ) {
        self.id = id
        self.name = name
        self.mainNumber = mainNumber
        self.ringTimeout = ringTimeout
        self.maxWait = maxWait
        self.wrapUp = wrapUp
        self.afterMaxWait = afterMaxWait
        self.overflowQueue = overflowQueue
        self.members = members
    }
}
