/// Who among a company's callers may see an event, on the live stream and the poll endpoint
/// alike (plugins' filters match it too). Every event is its company's alone; this narrows
/// further.
public enum EventVisibility: Sendable, Hashable {
    /// Everyone of the company (the switchboard's own events).
    case company
    /// The company's users of at least this role (`team_leader`, `admin`), and API keys.
    case role(String)
    /// One user (a notification, a screen-pop), team leaders and admins, and API keys.
    case user(String)

    /// The stored form: nil for `.company`, `role:NAME` or `user:ID`.
    public var storedValue: String? {
        switch self {
        case .company: nil
        case .role(let role): "role:\(role)"
        case .user(let user): "user:\(user)"
        }
    }

    /// The visibility of a stored value; `.company` for nil or an unknown form.
    public init(storedValue: String?) {
        guard let storedValue, let colon = storedValue.firstIndex(of: ":") else {
            self = .company
            return
        }
        let name = String(storedValue[storedValue.index(after: colon)...])
        switch storedValue[..<colon] {
        case "role": self = .role(name)
        case "user": self = .user(name)
        default: self = .company
        }
    }
}
