import Foundation
import PluginKit
import Switchboard

/// Which events of the log a stream client may see (LOGIN-3): only its own company's; never
/// the engine's internal journal; a plain user sees the company's switchboard events but
/// notifications (`notification.*`) only when addressed to them. An optional type filter
/// (`types=call.*,queue.caller.joined`) narrows further.
struct StreamVisibility: Hashable, Sendable {
    let tenant: String
    /// The user of a session of role `user`; nil for team leaders, admins and API keys.
    let restrictedToUser: UserID?
    /// Type patterns; empty means every type.
    let types: [String]

    /// Whether `event` goes to the client.
    func allows(_ event: EventEnvelope) -> Bool {
        guard event.tenant == tenant, event.type != EngineJournal.eventType else { return false }
        if let user = restrictedToUser, event.type.hasPrefix("notification.") {
            guard case .string(let addressee)? = event.data["user"], addressee == user.rawValue else { return false }
        }
        return types.isEmpty || types.contains { EventFilter.type(event.type, matches: $0) }
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
