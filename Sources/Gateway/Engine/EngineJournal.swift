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

    /// One journal entry: when, and which command (none for a timer advance). The first
    /// entry of a company also holds the fingerprint of the directory it was written with.
    struct Entry: Codable, Equatable {
        /// Engine time, milliseconds since 1970.
        var at: Int64
        /// The command, or nil when the engine only advanced its clock.
        var command: SwitchboardCommand?
        /// SHA-256 (hex) of the directory's JSON; in the first entry only.
        var directory: String?
    }

    /// The fingerprint of `directory`: SHA-256 of its JSON with sorted keys. Replaying a
    /// journal needs exactly the directory it was written with.
    static func fingerprint(of directory: TenantDirectory) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Hex.encode(try SHA256.digest(Array(try encoder.encode(directory))))
    }

    /// Whether an event of `type` is journal bookkeeping rather than a switchboard event.
    static func isJournal(_ type: String) -> Bool { type == eventType }

    /// The journal event for entry number `number` of `tenant`, its entry encoded once.
    static func event(_ entry: Entry, number: Int64, tenant: String) throws -> NewEvent {
        NewEvent(
            id: "\(tenant):journal:\(number)", type: eventType, tenant: tenant,
            occurredAt: Date(millisecondsSince1970: entry.at), dataJSON: String(decoding: try SortedJSONEncoder().encode(entry), as: UTF8.self))
    }

    /// The entry a journal event holds, decoded from its stored text.
    static func entry(of event: EventEnvelope) throws -> Entry {
        try JSONDecoder().decode(Entry.self, from: Data(event.dataJSON.utf8))
    }
}
