import PluginKit

/// Writes groups of appended batches into the `event` table, one transaction per group.
///
/// Isolation: used only on the event log's writer queue (one thread at a time), which owns
/// the connection; hence `@unchecked Sendable`.
final class EventLogWriter: @unchecked Sendable {
    private let database: SQLiteDatabase
    private let insert: SQLiteStatement
    private let lastSeq: SQLiteStatement
    private let findID: SQLiteStatement

    /// Prepares the writer's statements on `database`, whose schema must be migrated.
    init(database: SQLiteDatabase) throws(SQLiteError) {
        self.database = database
        insert = try database.prepare("""
            INSERT INTO event (seq, id, tenant, type, call_id, call_seq, occurred_at, data, visible_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        lastSeq = try database.prepare("SELECT coalesce(max(seq), 0) FROM event")
        findID = try database.prepare("SELECT 1 FROM event WHERE id = ?")
    }

    /// The highest seq in the log, 0 when it is empty.
    func currentLastSeq() throws(SQLiteError) -> Int64 {
        lastSeq.reset()
        defer { lastSeq.reset() }
        _ = try lastSeq.step()
        return lastSeq.int64(at: 0)
    }

    /// Appends every batch of `group` in one transaction and returns each batch's outcome,
    /// in order. A batch whose ids are already in the log (or in an earlier batch of the
    /// group) fails with ``EventLogError/Code/duplicateEventID``: the transaction is rolled
    /// back and written again without it, so the others go on. Any other failure, including
    /// of the commit, fails every remaining batch with it, and nothing is written. A success
    /// is returned only after the commit, and seqs continue from the last committed one
    /// without gaps.
    func write(_ group: [PendingAppend]) -> [Result<[EventEnvelope], any Error>] {
        var outcomes = [Result<[EventEnvelope], any Error>?](repeating: nil, count: group.count)
        var remaining = Array(group.indices)
        while !remaining.isEmpty {
            do {
                let written = try database.transaction { () throws -> [[EventEnvelope]] in
                    var seq = try currentLastSeq()
                    var written: [[EventEnvelope]] = []
                    written.reserveCapacity(remaining.count)
                    for index in remaining {
                        let rows = group[index].rows
                        var envelopes: [EventEnvelope] = []
                        envelopes.reserveCapacity(rows.count)
                        for row in rows {
                            seq += 1
                            do {
                                try insert(row, seq: seq)
                            } catch let error as SQLiteError where error.code == .constraint {
                                let duplicate = try isStored(id: row.event.id)
                                throw RejectedBatch(
                                    index: index,
                                    error: duplicate ? EventLogError(code: .duplicateEventID, eventIDs: [row.event.id]) : error)
                            }
                            envelopes.append(row.envelope(seq: seq))
                        }
                        written.append(envelopes)
                    }
                    return written
                }
                for (index, envelopes) in zip(remaining, written) { outcomes[index] = .success(envelopes) }
                remaining = []
            } catch let rejected as RejectedBatch {
                // Rare (a caller's bug): write the group again without the rejected batch,
                // rather than pay for a savepoint around every batch.
                outcomes[rejected.index] = .failure(rejected.error)
                remaining.removeAll { $0 == rejected.index }
            } catch {
                for index in remaining { outcomes[index] = .failure(error) }
                remaining = []
            }
        }
        return outcomes.map { $0! }
    }

    /// A batch that broke a constraint, and the error its caller gets.
    private struct RejectedBatch: Error {
        let index: Int
        let error: any Error
    }

    private func insert(_ row: EventRow, seq: Int64) throws(SQLiteError) {
        insert.reset()
        try insert.bind(.integer(seq), at: 1)
        try insert.bind(.text(row.event.id), at: 2)
        try insert.bind(.text(row.event.tenant), at: 3)
        try insert.bind(.text(row.event.type), at: 4)
        try insert.bind(row.event.callId.map { .text($0) } ?? .null, at: 5)
        try insert.bind(row.event.callSeq.map { .integer($0) } ?? .null, at: 6)
        try insert.bind(.integer(row.occurredAtMilliseconds), at: 7)
        try insert.bind(.text(row.event.dataJSON), at: 8)
        try insert.bind(row.event.visibility.storedValue.map { .text($0) } ?? .null, at: 9)
        _ = try insert.step()
    }

    /// Whether an event with `id` is in the log or in the open transaction.
    private func isStored(id: String) throws(SQLiteError) -> Bool {
        defer { findID.reset() }
        try findID.bind([.text(id)])
        return try findID.step()
    }
}
