import Foundation
import PluginKit
import Switchboard

/// The engine's journal: each accepted command (and each timer advance) is written to the
/// event log as an internal `engine.command` event in the same transaction as the events it
/// caused. The engine is deterministic, so replaying the journal from an empty state at
/// start-up rebuilds exactly the state of everything acknowledged, kill -9 included.
///
/// Journal events are the log's own bookkeeping: the plugin host and the live stream never
/// deliver them.
enum EngineJournal {
    /// The type of journal events.
    static let eventType = "engine.command"

    /// One journal entry: when, and which command (none for a timer advance).
    struct Entry: Codable, Equatable {
        /// Engine time, milliseconds since 1970.
        var at: Int64
        /// The command, or nil when the engine only advanced its clock.
        var command: SwitchboardCommand?
    }

    /// Whether an event of `type` is journal bookkeeping rather than a switchboard event.
    static func isJournal(_ type: String) -> Bool { type == eventType }

    /// The journal event for entry number `number` of `tenant`.
    static func event(_ entry: Entry, number: Int64, tenant: String) throws -> NewEvent {
        let data = try JSONDecoder().decode([String: JSONValue].self, from: try JSONEncoder().encode(entry))
        return NewEvent(
            id: "\(tenant):journal:\(number)", type: eventType, tenant: tenant,
            occurredAt: Date(millisecondsSince1970: entry.at), data: data)
    }

    /// The entry a journal event holds.
    static func entry(of event: EventEnvelope) throws -> Entry {
        try JSONDecoder().decode(Entry.self, from: try JSONEncoder().encode(event.data))
    }
}

extension SwitchboardEvent {
    /// The event in the log's envelope (without `seq`).
    func newEvent() throws -> NewEvent {
        let object = try JSONDecoder().decode([String: JSONValue].self, from: try jsonData())
        var data: [String: JSONValue] = [:]
        if case .object(let fields)? = object["data"] { data = fields }
        return NewEvent(
            id: id, type: type, tenant: tenant.rawValue, occurredAt: Date(millisecondsSince1970: occurredAt.millisecondsSinceEpoch),
            callId: callID?.description, callSeq: callSeq.map(Int64.init), data: data)
    }
}
