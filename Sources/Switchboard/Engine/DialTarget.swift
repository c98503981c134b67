/// What a user calls (DIR-2, PHONE-1, Q-3) or transfers to (DIR-3, Q-3).
public enum DialTarget: Sendable, Hashable, Codable {
    /// A colleague: their answering phone(s), with their direct-call settings.
    case user(UserID)
    /// A queue: the caller waits there like any caller.
    case queue(QueueID)
    /// A number; a colleague's or a queue's number is treated as that colleague or queue.
    case number(PhoneNumber)

    private enum CodingKeys: String, CodingKey { case user, queue, number }

    /// Decodes `{"user": id}`, `{"queue": id}` or `{"number": "+47…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let user = try container.decodeIfPresent(UserID.self, forKey: .user) {
            self = .user(user)
        } else if let queue = try container.decodeIfPresent(QueueID.self, forKey: .queue) {
            self = .queue(queue)
        } else {
            self = .number(try container.decode(PhoneNumber.self, forKey: .number))
        }
    }

    /// Encodes as an object with one key: `user`, `queue` or `number`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .user(let user): try container.encode(user, forKey: .user)
        case .queue(let queue): try container.encode(queue, forKey: .queue)
        case .number(let number): try container.encode(number, forKey: .number)
        }
    }
}
