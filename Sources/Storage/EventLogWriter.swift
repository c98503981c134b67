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
    private let savepoint: SQLiteStatement
    private let release: SQLiteStatement
    private let rollbackToSavepoint: SQLiteStatement

    /// Prepares the writer's statements on `database`, whose schema must be migrated.
    init(database: SQLiteDatabase) throws(SQLiteError) {
        self.database = database
        insert = try database.prepare("""
            INSERT INTO event (seq, id, tenant, type, call_id, call_seq, occurred_at, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        lastSeq = try database.prepare("SELECT coalesce(max(seq), 0) FROM event")
        findID = try database.prepare("SELECT 1 FROM event WHERE id = ?")
        savepoint = try database.prepare("SAVEPOINT batch")
        release = try database.prepare("RELEASE batch")
        rollbackToSavepoint = try database.prepare("ROLLBACK TO batch")
    }

    /// The highest seq in the log, 0 when it is empty.
    func currentLastSeq() throws(SQLiteError) -> Int64 {
        lastSeq.reset()
        defer { lastSeq.reset() }
        _ = try lastSeq.step()
        return lastSeq.int64(at: 0)
    }

    /// Appends every batch of `group` in one transaction and returns each batch's outcome,
    /// in order. A batch whose ids are already in the log is rolled back to its savepoint
    /// alone and fails with ``EventLogError/Code/duplicateEventID``; the others go on. Any
    /// other failure, including of the commit, rolls back the whole transaction and every
    /// batch fails with it. A success is returned only after the commit, and seqs continue
    /// from the last committed one without gaps.
    func write(_ group: [PendingAppend]) -> [Result<[EventEnvelope], any Error>] {
        var outcomes: [Result<[EventEnvelope], any Error>] = []
        outcomes.reserveCapacity(group.count)
        do {
            try database.transaction {
                var seq = try currentLastSeq()
                for append in group {
                    try run(savepoint)
                    do {
                        var envelopes: [EventEnvelope] = []
                        envelopes.reserveCapacity(append.rows.count)
                        for row in append.rows {
                            try insert(row, seq: seq + 1 + Int64(envelopes.count))
                            envelopes.append(row.envelope(seq: seq + 1 + Int64(envelopes.count)))
                        }
                        try run(release)
                        seq += Int64(envelopes.count)
                        outcomes.append(.success(envelopes))
                    } catch let error as SQLiteError where error.code == .constraint {
                        try run(rollbackToSavepoint)
                        try run(release)
                        outcomes.append(.failure(try duplicates(in: append.rows) ?? error))
                    }
                }
            }
        } catch {
            return group.map { _ in .failure(error) }
        }
        return outcomes
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
        try insert.bind(.text(row.dataText), at: 8)
        _ = try insert.step()
    }

    /// The error naming the ids of `rows` already in the log, or nil when none is (the
    /// constraint that failed was another one).
    private func duplicates(in rows: [EventRow]) throws(SQLiteError) -> EventLogError? {
        var ids: [String] = []
        for row in rows {
            try findID.bind([.text(row.event.id)])
            if try findID.step() { ids.append(row.event.id) }
            findID.reset()
        }
        return ids.isEmpty ? nil : EventLogError(code: .duplicateEventID, eventIDs: ids)
    }

    private func run(_ statement: SQLiteStatement) throws(SQLiteError) {
        statement.reset()
        while try statement.step() {}
    }
}
