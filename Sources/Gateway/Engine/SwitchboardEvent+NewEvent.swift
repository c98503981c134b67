import Foundation
import PluginKit
import Switchboard

extension SwitchboardEvent {
    /// Who of the company may see the event: a missed-call notice is for the user it names.
    var visibility: EventVisibility {
        if case .missedCallNotificationRequested(let notice) = payload { return .user(notice.user.rawValue) }
        return .company
    }

    /// The event in the log's envelope (without `seq`), its data encoded once, as the text the
    /// log stores and the stream sends.
    func newEvent() throws -> NewEvent {
        NewEvent(
            id: id, type: type, tenant: tenant.rawValue, occurredAt: Date(millisecondsSince1970: occurredAt.millisecondsSinceEpoch),
            callId: callID?.description, callSeq: callSeq.map(Int64.init), dataJSON: try dataJSON(), visibility: visibility)
    }
}
