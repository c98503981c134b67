/// Who issues a command. The engine authorizes every command by it (AV-1, DIR-5, Q-2).
public enum Principal: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A user of the company, through the console or the API.
    case user(UserID)
    /// The telephony platform, through its driver.
    case platform
    /// The engine itself (timers).
    case system

    /// `user:ID`, `platform` or `system`.
    public var description: String {
        switch self {
        case .user(let id): "user:\(id)"
        case .platform: "platform"
        case .system: "system"
        }
    }
}
