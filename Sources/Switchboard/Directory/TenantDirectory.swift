/// A company (tenant) as the engine starts it: its users and queues. Built by the gateway
/// from its configuration; checked as a whole by `init`.
public struct TenantDirectory: Sendable, Hashable, Codable {
    /// The company's id; every event carries it.
    public let tenant: TenantID
    /// The company's name.
    public let name: String
    /// The company's default language.
    public let language: Language
    /// The directory, in configured order.
    public let users: [User]
    /// The queues, in configured order.
    public let queues: [CallQueue]

    /// Checks and builds a directory: user and queue ids are unique, no number belongs to two
    /// users or queues, every member is a user and is a member once, every overflow queue
    /// exists and is not the queue itself. Throws `invalidDirectory` naming the first problem.
    public init(tenant: TenantID, name: String, language: Language = .nb, users: [User], queues: [CallQueue]) throws(SwitchboardError) {
        var userIDs: Set<UserID> = []
        var numbers: Set<PhoneNumber> = []
        func fail(_ message: String) -> SwitchboardError { SwitchboardError(.invalidDirectory, message) }
        for user in users {
            guard userIDs.insert(user.id).inserted else { throw fail("duplicate user id \"\(user.id)\"") }
            for number in [user.mobile, user.ipNumber].compactMap(\.self) {
                guard numbers.insert(number).inserted else { throw fail("\(number) belongs to two users or queues") }
            }
        }
        let queueIDs = Set(queues.map(\.id))
        guard queueIDs.count == queues.count else { throw fail("duplicate queue id") }
        for queue in queues {
            guard numbers.insert(queue.mainNumber).inserted else { throw fail("\(queue.mainNumber) belongs to two users or queues") }
            var members: Set<UserID> = []
            for member in queue.members {
                guard userIDs.contains(member.user) else { throw fail("member \"\(member.user)\" of queue \"\(queue.id)\" is not a user") }
                guard members.insert(member.user).inserted else { throw fail("\"\(member.user)\" is a member of \"\(queue.id)\" twice") }
            }
            if let overflow = queue.overflowQueue {
                guard overflow != queue.id, queueIDs.contains(overflow) else {
                    throw fail("queue \"\(queue.id)\" overflows into \"\(overflow)\", which is not another queue")
                }
            }
            if queue.afterMaxWait == .overflow, queue.overflowQueue == nil {
                throw fail("queue \"\(queue.id)\" overflows but names no overflow queue")
            }
        }
        self.tenant = tenant
        self.name = name
        self.language = language
        self.users = users
        self.queues = queues
    }
}
