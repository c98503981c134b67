/// A change an admin makes to the company's directory (`SwitchboardCommand.administer`).
///
/// The directory after the change must pass `TenantDirectory`'s checks; a change that would
/// break them, or that names a user or queue that does not exist, is refused and changes
/// nothing. JSON: an object tagged by `change`:
/// `{"change": "createUser", "profile": {…}}`, `{"change": "updateUser", "profile": {…}}`,
/// `{"change": "removeUser", "user": id}`, `{"change": "createQueue", "definition": {…}}`,
/// `{"change": "updateQueue", "definition": {…}}`, `{"change": "removeQueue", "queue": id}`,
/// `{"change": "setMember", "queue": id, "user": id, "priority": n}` and
/// `{"change": "removeMember", "queue": id, "user": id}` (`profile` is a `User`,
/// `definition` a `CallQueue`, each in its own JSON).
public enum DirectoryChange: Sendable, Hashable, Codable {
    /// Adds a user. They start Available, a member of no queue.
    case createUser(User)
    /// Replaces the profile of the user with the profile's id: name, department, email,
    /// numbers, role, language and settings. A role takes effect at once, for the next
    /// command the user issues.
    case updateUser(User)
    /// Removes a user with their memberships (logging them out of those queues first).
    /// Refused (`inUse`) while a call in progress involves them.
    case removeUser(UserID)
    /// Adds a queue with its first members, none of them logged in.
    case createQueue(CallQueue)
    /// Replaces the definition of the queue with the definition's id: name, main number,
    /// ring timeout, max wait, wrap-up, what happens after max wait and the overflow queue.
    /// Members change only through `setMember` and `removeMember`: `members` must be empty
    /// (meaning "as they are") or exactly the current members. New timings apply to what
    /// the queue does from now on.
    case updateQueue(CallQueue)
    /// Removes a queue, logging its members out first. Refused while callers wait in it or a
    /// click-to-call is about to enter it (`inUse`), and while another queue overflows into
    /// it (`invalidDirectory`).
    case removeQueue(QueueID)
    /// Makes a user a member of a queue with a priority, or changes their priority. A new
    /// member is added after the others and is not logged in.
    case setMember(queue: QueueID, member: QueueMember)
    /// Ends a membership, logging the member out of the queue first (a ringing offer from
    /// it is withdrawn).
    case removeMember(queue: QueueID, user: UserID)

    private enum CodingKeys: String, CodingKey { case change, profile, user, definition, queue, priority }

    /// Decodes the tagged object described above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .change) {
        case "createUser": self = .createUser(try container.decode(User.self, forKey: .profile))
        case "updateUser": self = .updateUser(try container.decode(User.self, forKey: .profile))
        case "removeUser": self = .removeUser(try container.decode(UserID.self, forKey: .user))
        case "createQueue": self = .createQueue(try container.decode(CallQueue.self, forKey: .definition))
        case "updateQueue": self = .updateQueue(try container.decode(CallQueue.self, forKey: .definition))
        case "removeQueue": self = .removeQueue(try container.decode(QueueID.self, forKey: .queue))
        case "setMember":
            self = .setMember(
                queue: try container.decode(QueueID.self, forKey: .queue),
                member: QueueMember(
                    user: try container.decode(UserID.self, forKey: .user), priority: try container.decode(Int.self, forKey: .priority)))
        case "removeMember":
            self = .removeMember(queue: try container.decode(QueueID.self, forKey: .queue), user: try container.decode(UserID.self, forKey: .user))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .change, in: container, debugDescription: "unknown directory change \(other)")
        }
    }

    /// Encodes as the tagged object described above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .createUser(let profile):
            try container.encode("createUser", forKey: .change)
            try container.encode(profile, forKey: .profile)
        case .updateUser(let profile):
            try container.encode("updateUser", forKey: .change)
            try container.encode(profile, forKey: .profile)
        case .removeUser(let user):
            try container.encode("removeUser", forKey: .change)
            try container.encode(user, forKey: .user)
        case .createQueue(let definition):
            try container.encode("createQueue", forKey: .change)
            try container.encode(definition, forKey: .definition)
        case .updateQueue(let definition):
            try container.encode("updateQueue", forKey: .change)
            try container.encode(definition, forKey: .definition)
        case .removeQueue(let queue):
            try container.encode("removeQueue", forKey: .change)
            try container.encode(queue, forKey: .queue)
        case .setMember(let queue, let member):
            try container.encode("setMember", forKey: .change)
            try container.encode(queue, forKey: .queue)
            try container.encode(member.user, forKey: .user)
            try container.encode(member.priority, forKey: .priority)
        case .removeMember(let queue, let user):
            try container.encode("removeMember", forKey: .change)
            try container.encode(queue, forKey: .queue)
            try container.encode(user, forKey: .user)
        }
    }
}
