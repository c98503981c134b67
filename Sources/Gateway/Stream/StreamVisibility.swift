import Foundation
import PluginKit
import Switchboard

/// Which events of the log a stream client may see (LOGIN-3): only its own company's; never
/// the engine's internal journal; of those, what each event's ``EventVisibility`` admits: an
/// event for one user (a notification, a screen-pop) goes to that user, to team leaders and
/// admins, and to API keys; an event for a role to users of at least that role and API keys.
/// An optional type filter (`types=call.*,queue.caller.joined`) narrows further.
struct StreamVisibility: Hashable, Sendable {
    let tenant: String
    /// The logged-in user; nil for an API key.
    let user: UserID?
    /// The user's role; nil for an API key, which sees every event of its company.
    let role: UserRole?
    /// Type patterns; empty means every type.
    let types: [String]

    /// Whether `event` goes to the client.
    func allows(_ event: EventEnvelope) -> Bool {
        guard event.tenant == tenant, event.type != EngineJournal.eventType, admits(event.visibility) else { return false }
        return types.isEmpty || types.contains { EventFilter.type(event.type, matches: $0) }
    }

    /// Whether this caller may see an event of `visibility`.
    private func admits(_ visibility: EventVisibility) -> Bool {
        guard let role else { return true }
        switch visibility {
        case .company: return true
        case .user(let addressee): return addressee == user?.rawValue || role >= .teamLeader
        case .role(let name): return UserRole(rawValue: name).map { role >= $0 } ?? false
        }
    }

    /// The SSE frames of the `items` this view allows, in order, as one batch.
    func frames(of items: some Sequence<EventFeed.Item>) -> Data {
        var frames = Data()
        for item in items where allows(item.event) {
            frames.append(item.frame)
        }
        return frames
    }
}
