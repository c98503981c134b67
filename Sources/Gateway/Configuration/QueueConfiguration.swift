import PluginKit
public import Switchboard
import TOML

/// A call queue: one element of `[[tenants.queues]]`.
public struct QueueConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// A member of the queue and their priority.
    public struct Member: Sendable, Equatable {
        /// Key `user` (required): a user id of the same company.
        public var user: String
        /// Key `priority`: 1…99, 1 is offered calls first (WAIT-2); default 1.
        public var priority: Int

        /// Creates a membership.
        public init(user: String, priority: Int) {
            self.user = user
            self.priority = priority
        }
    }

    /// Key `id` (required): unique in the company.
    public var id: String
    /// Key `name` (required): shown in the console.
    public var name: String
    /// Key `main_number` (required): calls to this number enter the queue.
    public var mainNumber: PhoneNumber
    /// Key `ring_timeout_seconds`: how long a member's phone rings before the next member
    /// is tried; 5…300, default 20.
    public var ringTimeoutSeconds: Int
    /// Key `max_wait_seconds`: the longest a caller waits; 10…86400, default 600.
    public var maxWaitSeconds: Int
    /// Key `wrap_up_seconds`: after a call a member is not offered calls for this long;
    /// 0…3600, default 0.
    public var wrapUpSeconds: Int
    /// Key `after_max_wait`: `voicemail`, `overflow` or `hang_up`; default `voicemail`.
    public var afterMaxWait: QueueTimeoutAction
    /// Key `overflow_queue`: the queue id callers move to; required when `after_max_wait`
    /// is `overflow`.
    public var overflowQueue: String?
    /// Key `members`: array of `{ user = "id", priority = N }`.
    public var members: [Member]

    /// Reads one queue; nil if a required key is missing or wrong (the issue is reported).
    init?(config: ConfigReader) {
        let id = config.identifier("id")
        let name = config.requiredText("name")
        let mainNumber = config.phoneNumber("main_number", required: true)
        ringTimeoutSeconds = config.integer("ring_timeout_seconds", default: 20, in: 5...300)
        maxWaitSeconds = config.integer("max_wait_seconds", default: 600, in: 10...86_400)
        wrapUpSeconds = config.integer("wrap_up_seconds", default: 0, in: 0...3600)
        afterMaxWait = config.choice("after_max_wait", default: QueueTimeoutAction.voicemail)
        overflowQueue = config.string("overflow_queue")
        if afterMaxWait == .overflow, overflowQueue == nil, config.contains("after_max_wait") {
            config.report("after_max_wait", "\"overflow\" needs an overflow_queue")
        }
        members = config.tables("members").compactMap { member in
            let user = member.string("user", required: true)
            let priority = member.integer("priority", default: 1, in: 1...99)
            return user.map { Member(user: $0, priority: priority) }
        }
        guard let id, let name, let mainNumber else { return nil }
        self.id = id
        self.name = name
        self.mainNumber = mainNumber
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("id", .string(id))
        table.set("name", .string(name))
        table.set("main_number", .string(mainNumber.e164))
        table.set("ring_timeout_seconds", .integer(Int64(ringTimeoutSeconds)))
        table.set("max_wait_seconds", .integer(Int64(maxWaitSeconds)))
        table.set("wrap_up_seconds", .integer(Int64(wrapUpSeconds)))
        table.set("after_max_wait", .string(afterMaxWait.rawValue))
        table.set("overflow_queue", ifPresent: overflowQueue.map(TOMLValue.string))
        let members = members.map { member in
            var entry = TOMLTable()
            entry.set("user", .string(member.user))
            entry.set("priority", .integer(Int64(member.priority)))
            return TOMLNode(.table(entry), at: TOMLPosition(line: 0, column: 0))
        }
        table.set("members", .array(members))
        return table
    }
}
