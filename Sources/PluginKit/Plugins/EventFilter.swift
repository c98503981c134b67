/// Which events a plugin instance receives, from its configuration (`types`, `tenants`,
/// `queues`, `users`). Each list left empty or absent matches everything; an event must
/// match every list that is set.
///
/// A type pattern is an exact type (`call.missed`) or a prefix ending in `.*` (`call.*`
/// matches `call.missed` and `call.transfer.returned`). Queues are matched against the
/// event's ``EventEnvelope/queue``; users against ``EventEnvelope/users`` (`data.user`,
/// `data.answeredBy`, `data.by` and `data.fromUser`) and the user an event is for
/// (``EventVisibility/user(_:)``).
public struct EventFilter: Sendable, Equatable {
    /// Type patterns; empty means all types.
    public var types: [String]
    /// Tenant ids; empty means all tenants.
    public var tenants: Set<String>
    /// Queue ids; empty means events of any queue and events without a queue.
    public var queues: Set<String>
    /// User ids; empty means events of any user and events without a user.
    public var users: Set<String>

    /// Creates a filter; the defaults match every event.
    public init(types: [String] = [], tenants: Set<String> = [], queues: Set<String> = [], users: Set<String> = []) {
        self.types = types
        self.tenants = tenants
        self.queues = queues
        self.users = users
    }

    /// Matches every event.
    public static let all = EventFilter()

    /// Whether `event` passes the filter.
    public func matches(_ event: EventEnvelope) -> Bool {
        if !types.isEmpty, !types.contains(where: { Self.type(event.type, matches: $0) }) { return false }
        if !tenants.isEmpty, !tenants.contains(event.tenant) { return false }
        if !queues.isEmpty {
            guard let queue = event.queue, queues.contains(queue) else { return false }
        }
        if !users.isEmpty {
            var ids = event.users
            if case .user(let addressee) = event.visibility { ids.append(addressee) }
            guard ids.contains(where: users.contains) else { return false }
        }
        return true
    }

    /// Whether `type` matches `pattern` (exact, or a `prefix.*` pattern).
    public static func type(_ type: String, matches pattern: String) -> Bool {
        if pattern.hasSuffix(".*") {
            return type.hasPrefix(pattern.dropLast())
        }
        return type == pattern
    }
}
