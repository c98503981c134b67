import Foundation
import PluginKit

/// An event prepared for its row in the `event` table: its time in milliseconds, computed by
/// the appending task so the single writer only binds and steps. Its data goes in as the
/// JSON text the event carries, encoded once by its maker.
struct EventRow: Sendable {
    let event: NewEvent
    let occurredAtMilliseconds: Int64

    init(_ event: NewEvent) {
        self.event = event
        occurredAtMilliseconds = event.occurredAt.millisecondsSince1970
    }

    /// The envelope the row reads back as once it is stored at `seq`.
    func envelope(seq: Int64) -> EventEnvelope {
        var envelope = EventEnvelope(seq: seq, event: event)
        envelope.occurredAt = Date(millisecondsSince1970: occurredAtMilliseconds)
        return envelope
    }
}
