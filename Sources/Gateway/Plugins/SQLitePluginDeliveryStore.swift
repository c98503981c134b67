import Foundation
public import PluginKit
public import Storage

/// The plugin host's durable storage: events from the `EventLog`, status, cursor and dead
/// letters in the `PluginDeliveryLedger`, in the gateway's SQLite database.
public struct SQLitePluginDeliveryStore: PluginDeliveryStore {
    private let log: EventLog
    private let ledger: PluginDeliveryLedger

    /// Creates the store over an open log and ledger.
    public init(log: EventLog, ledger: PluginDeliveryLedger) {
        self.log = log
        self.ledger = ledger
    }

    /// Up to `limit` events after `seq`.
    public func events(after seq: Int64, limit: Int) async throws -> [EventEnvelope] {
        try await log.events(after: seq, limit: limit)
    }

    /// Waits for a commit after `seq`.
    public func waitForEvents(after seq: Int64) async throws -> Int64 {
        try await log.waitForEvents(after: seq)
    }

    /// The log's last position.
    public func lastSeq() async throws -> Int64 { log.lastSeq }

    /// The saved status of `instance`; its cursor is the ledger's cursor column.
    public func status(of instance: String) async throws -> PluginInstanceStatus? {
        guard let saved = try await ledger.status(of: instance) else { return nil }
        var status = try JSONDecoder.plugin.decode(PluginInstanceStatus.self, from: Data(saved.status.utf8))
        status.cursor = saved.cursor
        return status
    }

    /// Saves status, cursor and dead letters in one transaction.
    public func save(_ status: PluginInstanceStatus, deadLetters: [DeadLetter]) async throws {
        let document = String(decoding: try JSONEncoder.plugin.encode(status), as: UTF8.self)
        let rows = try deadLetters.map { letter in
            PluginDeliveryLedger.DeadLetterRow(
                seq: letter.event.seq, event: String(decoding: try JSONEncoder.plugin.encode(letter.event), as: UTF8.self),
                reason: letter.reason, attempts: letter.attempts,
                firstAttemptAt: letter.firstAttemptAt.millisecondsSince1970, lastAttemptAt: letter.lastAttemptAt.millisecondsSince1970)
        }
        try await ledger.save(instance: status.instance, cursor: status.cursor, status: document, deadLetters: rows)
    }

    /// The dead letters of `instance`.
    public func deadLetters(of instance: String) async throws -> [DeadLetter] {
        try await ledger.deadLetters(of: instance).map { row in
            DeadLetter(
                instance: instance, event: try JSONDecoder.plugin.decode(EventEnvelope.self, from: Data(row.event.utf8)),
                reason: row.reason, attempts: row.attempts,
                firstAttemptAt: Date(millisecondsSince1970: row.firstAttemptAt), lastAttemptAt: Date(millisecondsSince1970: row.lastAttemptAt))
        }
    }

    /// Removes one dead letter.
    public func removeDeadLetter(instance: String, seq: Int64) async throws {
        try await ledger.removeDeadLetter(instance: instance, seq: seq)
    }
}
