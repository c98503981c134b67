/// A call queue (Køer): its number, its members and how it treats callers. JSON has the
/// durations in milliseconds (`ringTimeoutMs`, `maxWaitMs`, `wrapUpMs`).
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

extension CallQueue {
    private enum CodingKeys: String, CodingKey {
        case id, name, mainNumber, ringTimeoutMs, maxWaitMs, wrapUpMs, afterMaxWait, overflowQueue, members
    }

    /// Decodes with the durations in milliseconds (`ringTimeoutMs`, `maxWaitMs`,
    /// `wrapUpMs`); `members` may be left out for none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(QueueID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            mainNumber: try container.decode(PhoneNumber.self, forKey: .mainNumber),
            ringTimeout: .milliseconds(try container.decode(Int64.self, forKey: .ringTimeoutMs)),
            maxWait: .milliseconds(try container.decode(Int64.self, forKey: .maxWaitMs)),
            wrapUp: .milliseconds(try container.decode(Int64.self, forKey: .wrapUpMs)),
            afterMaxWait: try container.decode(QueueTimeoutAction.self, forKey: .afterMaxWait),
            overflowQueue: try container.decodeIfPresent(QueueID.self, forKey: .overflowQueue),
            members: try container.decodeIfPresent([QueueMember].self, forKey: .members) ?? [])
    }

    /// Encodes with the durations in milliseconds (`ringTimeoutMs`, `maxWaitMs`, `wrapUpMs`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(mainNumber, forKey: .mainNumber)
        try container.encode(ringTimeout.wholeMilliseconds, forKey: .ringTimeoutMs)
        try container.encode(maxWait.wholeMilliseconds, forKey: .maxWaitMs)
        try container.encode(wrapUp.wholeMilliseconds, forKey: .wrapUpMs)
        try container.encode(afterMaxWait, forKey: .afterMaxWait)
        try container.encodeIfPresent(overflowQueue, forKey: .overflowQueue)
        try container.encode(members, forKey: .members)
    }
}
