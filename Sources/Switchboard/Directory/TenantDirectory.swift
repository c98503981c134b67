/// A company (tenant): its users and queues. The gateway builds the one the engine starts
/// with from its configuration; `SwitchboardState.directory` gives the one in force now,
/// after the admins' changes. Checked as a whole by `init`.
public struct TenantDirectory: Sendable, Hashable, Codable {
    /// The company's id; every event carries it.
    public let tenant: TenantID
    /// The company's name.
    public let name: String
    /// The company's default language.
    public let language: Language
    /// The directory, in configured order (users added later at the end).
    public let users: [User]
    /// The queues, in configured order (queues added later at the end).
    public let queues: [CallQueue]

    /// Checks and builds a directory: user and queue ids are well-formed (`isWellFormed`) and
    /// unique, names are not blank, no number belongs to two users or queues, ring timeouts
    /// and max waits are positive and wrap-ups not negative, every member is a user, is a
    /// member once and has a priority of at least 1, every overflow queue exists and is not
    /// the queue itself, and a queue that overflows names its overflow queue. Throws
    /// `invalidDirectory` naming the first problem.
    public init(tenant: TenantID, name: String, language: Language = .nb, users: [User], queues: [CallQueue]) throws(SwitchboardError) {
        var userIDs: Set<UserID> = []
        var numbers: Set<PhoneNumber> = []
        func fail(_ message: String) -> SwitchboardError { SwitchboardError(.invalidDirectory, message) }
        func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
        let idRule = "expected 1–64 of a–z, 0–9, '-' and '_', starting with a letter or digit"
        for user in users {
            guard user.id.isWellFormed else { throw fail("\"\(user.id)\" is not a user id; \(idRule)") }
            guard userIDs.insert(user.id).inserted else { throw fail("duplicate user id \"\(user.id)\"") }
            guard !isBlank(user.name) else { throw fail("user \"\(user.id)\" has no name") }
            for number in [user.mobile, user.ipNumber].compactMap(\.self) {
                guard numbers.insert(number).inserted else { throw fail("\(number) belongs to two users or queues") }
            }
        }
        var queueIDs: Set<QueueID> = []
        for queue in queues {
            guard queue.id.isWellFormed else { throw fail("\"\(queue.id)\" is not a queue id; \(idRule)") }
            guard queueIDs.insert(queue.id).inserted else { throw fail("duplicate queue id \"\(queue.id)\"") }
        }
        for queue in queues {
            guard !isBlank(queue.name) else { throw fail("queue \"\(queue.id)\" has no name") }
            guard numbers.insert(queue.mainNumber).inserted else { throw fail("\(queue.mainNumber) belongs to two users or queues") }
            guard queue.ringTimeout > .zero, queue.maxWait > .zero, queue.wrapUp >= .zero else {
                throw fail("queue \"\(queue.id)\" needs a positive ring timeout and max wait and a wrap-up of zero or more")
            }
            var members: Set<UserID> = []
            for member in queue.members {
                guard userIDs.contains(member.user) else { throw fail("member \"\(member.user)\" of queue \"\(queue.id)\" is not a user") }
                guard members.insert(member.user).inserted else { throw fail("\"\(member.user)\" is a member of \"\(queue.id)\" twice") }
                guard member.priority >= 1 else { throw fail("\"\(member.user)\" has priority \(member.priority) in \"\(queue.id)\"; priorities start at 1") }
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
        self.init(tenant: tenant, name: name, language: language, consistentUsers: users, queues: queues)
    }

    /// A directory the engine keeps consistent itself (every change to it was checked by the
    /// other initializer), so it is not checked again.
    init(tenant: TenantID, name: String, language: Language, consistentUsers users: [User], queues: [CallQueue]) {
        self.tenant = tenant
        self.name = name
        self.language = language
        self.users = users
        self.queues = queues
    }
}
