import Foundation
import PluginKit
import Switchboard

extension SwitchboardEvent {
    /// Who of the company may see the event: a missed-call notice is for the user it names.
    var visibility: EventVisibility {
        if case .missedCallNotificationRequested(let notice) = payload { return .user(notice.user.rawValue) }
        return .company
    }

    /// The event in the log's envelope (without `seq`).
    func newEvent() throws -> NewEvent {
        let object = try JSONDecoder().decode([String: JSONValue].self, from: try jsonData())
        var data: [String: JSONValue] = [:]
        if case .object(let fields)? = object["data"] { data = fields }
        return NewEvent(
            id: id, type: type, tenant: tenant.rawValue, occurredAt: Date(millisecondsSince1970: occurredAt.millisecondsSinceEpoch),
            callId: callID?.description, callSeq: callSeq.map(Int64.init), data: data, visibility: visibility)
    }
}
