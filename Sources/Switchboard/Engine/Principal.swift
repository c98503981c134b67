/// Who issues a command. The engine authorizes every command by it (AV-1, DIR-5, Q-2,
/// directory administration).
public enum Principal: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A user of the company, through the console or the API.
    case user(UserID)
    /// The telephony platform, through its driver.
    case platform
    /// The engine itself (timers), or the gateway acting with its own authority (an
    /// admin-scoped API key).
    case system

    /// `user:ID`, `platform` or `system`.
    public var description: String {
        switch self {
        case .user(let id): "user:\(id)"
        case .platform: "platform"
        case .system: "system"
        }
    }

    private enum CodingKeys: String, CodingKey { case user }

    /// Decodes `"platform"`, `"system"` or `{"user": id}`.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            switch text {
            case "platform": self = .platform
            case "system": self = .system
            default:
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "expected \"platform\", \"system\" or {\"user\": id}"))
            }
            return
        }
        self = .user(try decoder.container(keyedBy: CodingKeys.self).decode(UserID.self, forKey: .user))
    }

    /// Encodes as `"platform"`, `"system"` or `{"user": id}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .user(let id):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .user)
        case .platform:
            var container = encoder.singleValueContainer()
            try container.encode("platform")
        case .system:
            var container = encoder.singleValueContainer()
            try container.encode("system")
        }
    }
}
