import Foundation
import PluginKit

/// An event prepared for its row in the `event` table: its time in milliseconds and its data
/// as JSON text, computed by the appending task so the single writer only binds and steps.
struct EventRow: Sendable {
    let event: NewEvent
    let occurredAtMilliseconds: Int64
    let dataText: String

    init(_ event: NewEvent) {
        self.event = event
        occurredAtMilliseconds = event.occurredAt.millisecondsSince1970
        dataText = JSONValue.jsonText(of: event.data)
    }

    /// The envelope the row reads back as once it is stored at `seq`.
    func envelope(seq: Int64) -> EventEnvelope {
        EventEnvelope(
            seq: seq, id: event.id, type: event.type, tenant: event.tenant,
            occurredAt: Date(millisecondsSince1970: occurredAtMilliseconds),
            callId: event.callId, callSeq: event.callSeq, data: event.data, visibility: event.visibility)
    }
}
