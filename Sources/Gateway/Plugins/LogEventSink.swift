import PluginKit
import Storage

/// Plugins' events into the event log (``PluginEventSink``): checked, then appended in one
/// batch; ids already in the log are left out, so emitting again after a redelivery is
/// harmless.
struct LogEventSink: PluginEventSink {
    let log: EventLog
    /// The companies the gateway serves.
    let companies: Set<String>

    /// Type prefixes the switchboard itself emits; a plugin may not emit into them.
    static let reservedPrefixes = [
        "call.", "queue.", "member.", "user.", "directory.", "comment.", "assistant.", "voicemail.", "engine.",
        "notification.missedCall.",
    ]

    func emit(_ events: [NewEvent]) async throws {
        for event in events {
            guard companies.contains(event.tenant) else {
                throw EventEmissionError("event \(event.id) names company \"\(event.tenant)\", which this gateway does not serve")
            }
            if let prefix = Self.reservedPrefixes.first(where: event.type.hasPrefix) {
                throw EventEmissionError("event \(event.id) has type \(event.type): types \(prefix)* are the switchboard's own")
            }
            guard !event.type.isEmpty, !event.id.isEmpty else { throw EventEmissionError("an event needs an id and a type") }
        }
        var remaining = events
        while !remaining.isEmpty {
            do {
                _ = try await log.append(remaining)
                return
            } catch let error as EventLogError where error.code == .duplicateEventID && !error.eventIDs.isEmpty {
                let stored = Set(error.eventIDs)
                remaining.removeAll { stored.contains($0.id) }
            }
        }
    }
}
