import Dispatch
import Foundation
import Synchronization
public import PluginKit

/// The durable, ordered log of every event: the backbone the engine appends to and every
/// reader (plugins, the live stream, projections) follows by seq.
///
/// Appending uses group commit. Callers' batches queue up; one writer, on its own dispatch
/// queue (never Swift's cooperative pool), writes everything pending in one transaction and
/// commits it (with `synchronous = FULL` by default, so a commit survives power loss), then
/// resumes each caller with its events and their seqs. While one commit is on the disk the
/// next group gathers, so throughput grows with the number of concurrent appenders.
///
/// Guarantees:
/// - `seq` starts at 1 and increases by exactly 1 per event, across restarts, with no gaps.
/// - A caller's batch gets consecutive seqs, in the batch's order.
/// - `append` returns only after the batch's transaction has committed; if it throws,
///   nothing of the batch is in the log.
///
/// Invariant for the owner: one `EventLog` per database file, in one process, does all the
/// appending (other components may open the file for their own tables).
public final class EventLog: Sendable {
    /// The database file.
    public let path: String

    private let writer: EventLogWriter
    private let writerQueue: DispatchQueue
    private let pending = GroupCommitQueue()
    private let highWaterMark: HighWaterMark
    private let reader: DatabaseQueue
    private let fault = Mutex<(current: StorageFault?, observer: (@Sendable (StorageFault?) -> Void)?)>((nil, nil))

    /// The most events one transaction takes; a bigger batch still goes whole, alone.
    private static let maxGroupEvents = 20_000

    /// Opens the log in the SQLite database at `path`, whose schema is current (the gateway
    /// migrates it first, ``StorageSchema/migrate(_:plugins:)``). `configuration.synchronous`
    /// decides durability: keep `.full` (the default) for acknowledged-means-durable. Opening
    /// blocks on the disk: do it at start-up. Throws ``SQLiteError``.
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws {
        self.path = path
        let database = try SQLiteDatabase(path: path, configuration: configuration)
        writer = try EventLogWriter(database: database)
        highWaterMark = HighWaterMark(try writer.currentLastSeq())
        writerQueue = DispatchQueue(label: "sentralbord.eventlog.writer")
        reader = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Opens (creating if needed) the log at `path` after bringing the gateway's own schema up
    /// to date: for tools and tests that use the log without the gateway. Throws
    /// ``MigrationError`` or ``SQLiteError``.
    public static func open(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws -> EventLog {
        try StorageSchema.migrate(SQLiteDatabase(path: path, configuration: configuration))
        return try EventLog(path: path, configuration: configuration)
    }

    /// Appends `events` as one batch and returns them with their seqs, consecutive and in
    /// order, once they are durable. Concurrent callers' batches share transactions.
    ///
    /// Throws ``EventLogError`` (``EventLogError/Code/duplicateEventID``) when an id is
    /// already in the log or repeated in `events`, and ``SQLiteError`` when the transaction
    /// fails; either way nothing of the batch is in the log. Once started, an append is not
    /// cancelled by cancelling the task: it finishes, so its outcome is known.
    public func append(_ events: [NewEvent]) async throws -> [EventEnvelope] {
        guard !events.isEmpty else { return [] }
        if events.count > 1 {
            var seen = Set<String>(minimumCapacity: events.count)
            let repeated = events.filter { !seen.insert($0.id).inserted }.map(\.id)
            guard repeated.isEmpty else {
                throw EventLogError(code: .duplicateEventID, eventIDs: Array(Set(repeated)).sorted())
            }
        }
        let rows = events.map(EventRow.init)
        return try await withCheckedThrowingContinuation { continuation in
            if pending.submit(PendingAppend(rows: rows, continuation: continuation)) {
                writerQueue.async { self.writePending() }
            }
        }
    }

    /// Writes groups until nothing is pending. Runs on `writerQueue`.
    private func writePending() {
        while true {
            let group = pending.takeGroup(maxEvents: Self.maxGroupEvents)
            if group.isEmpty { return }
            let outcomes = writer.write(group)
            let committed = outcomes.compactMap { try? $0.get().last?.seq }.max()
            if let committed { highWaterMark.advance(to: committed) }
            let failure = outcomes.lazy.compactMap { outcome -> StorageFault? in
                guard case .failure(let error) = outcome else { return nil }
                return StorageFault(error)
            }.first
            noteFault(committed != nil ? nil : failure)
            for (append, outcome) in zip(group, outcomes) {
                append.continuation.resume(with: outcome)
            }
        }
    }

    /// Why the last write failed, while writes keep failing for a storage fault (a full disk,
    /// a read-only file); nil once a write commits again.
    public var writeFault: StorageFault? { fault.withLock { $0.current } }

    /// Calls `observer` on the writer's thread each time ``writeFault`` changes (so a fault
    /// is logged once, not once per write); it must return quickly.
    public func observeWriteFault(_ observer: @escaping @Sendable (StorageFault?) -> Void) {
        fault.withLock { $0.observer = observer }
    }

    private func noteFault(_ new: StorageFault?) {
        let observer = fault.withLock { state -> (@Sendable (StorageFault?) -> Void)? in
            guard state.current != new else { return nil }
            state.current = new
            return state.observer
        }
        observer?(new)
    }

    /// How many batches wait for the writer and whether it runs (for tests that arrange
    /// a group).
    var groupCommitStatus: (pendingBatches: Int, writerRunning: Bool) { pending.status }

    /// Copies the whole write-ahead log into the database file and truncates it, so a stopped
    /// gateway leaves a small file. The writer also checkpoints by itself (SQLite's automatic
    /// checkpoint every ~4 MB of log, inside a commit), which is what keeps the log from
    /// growing while running; call this when appending has stopped.
    public func checkpoint() async throws {
        try await reader.access { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The seq of the last event committed (0 while the log is empty).
    public var lastSeq: Int64 { highWaterMark.value }

    /// Waits until an event after `seq` has been committed and returns ``lastSeq`` then — at
    /// once if that is already the case. Wakes on commits, without polling; read the new
    /// events with ``events(after:tenant:types:limit:)``. Only appends through this
    /// `EventLog` wake it. Throws `CancellationError` if the task is cancelled first.
    public func waitForEvents(after seq: Int64) async throws -> Int64 {
        try await highWaterMark.wait(after: seq)
    }

    /// Up to `limit` events with a seq above `seq`, in seq order, optionally only those of
    /// `tenant` and of one of `types`. Reads on its own connection, so it does not wait for
    /// the writer's commits. Each event's data comes as the stored text and is decoded only if
    /// read (``EventEnvelope/data``).
    public func events(
        after seq: Int64, tenant: String? = nil, types: Set<String>? = nil, limit: Int = 1000
    ) async throws -> [EventEnvelope] {
        var sql = "SELECT \(Self.columns) FROM event WHERE seq > ?"
        var values: [SQLiteValue] = [.integer(seq)]
        if let tenant {
            sql += " AND tenant = ?"
            values.append(.text(tenant))
        }
        if let types {
            guard !types.isEmpty else { return [] }
            sql += " AND type IN (\(Array(repeating: "?", count: types.count).joined(separator: ", ")))"
            values += types.sorted().map { .text($0) }
        }
        sql += " ORDER BY seq LIMIT ?"
        values.append(.integer(Int64(max(0, limit))))
        return try await read(sql, values)
    }

    /// Every event of the call `callId`, in call order (`callSeq`, then seq).
    public func events(forCall callId: String) async throws -> [EventEnvelope] {
        try await read("SELECT \(Self.columns) FROM event WHERE call_id = ? ORDER BY call_seq, seq", [.text(callId)])
    }

    private static let columns = "seq, id, tenant, type, call_id, call_seq, occurred_at, data, visible_to"

    private func read(_ sql: String, _ values: [SQLiteValue]) async throws -> [EventEnvelope] {
        try await reader.access { database in
            let statement = try database.prepare(sql)
            try statement.bind(values)
            var events: [EventEnvelope] = []
            while try statement.step() {
                events.append(EventEnvelope(
                    seq: statement.int64(at: 0),
                    id: statement.string(at: 1) ?? "",
                    type: statement.string(at: 3) ?? "",
                    tenant: statement.string(at: 2) ?? "",
                    occurredAt: Date(millisecondsSince1970: statement.int64(at: 6)),
                    callId: statement.string(at: 4),
                    callSeq: statement.isNull(at: 5) ? nil : statement.int64(at: 5),
                    dataJSON: statement.string(at: 7) ?? "{}",
                    visibility: EventVisibility(storedValue: statement.string(at: 8))))
            }
            return events
        }
    }
}
