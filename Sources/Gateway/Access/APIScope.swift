/// What an API key may do (LOGIN-3 for integrations).
public enum APIScope: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Read the company's directory, queues, call log and event stream.
    case read
    /// Report calls as the telephony platform (call arrived, answered, hung up, DTMF).
    case telephony
    /// Everything an admin may do: directory administration, API keys, plugins; implies `read`.
    case admin

    /// Orders scopes by name, for stable listings.
    public static func < (lhs: APIScope, rhs: APIScope) -> Bool { lhs.rawValue < rhs.rawValue }
}
