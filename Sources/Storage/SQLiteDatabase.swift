public import PluginKit
import CSQLite

/// One open SQLite connection to a database file, in WAL journal mode.
///
/// Isolation: a connection has exactly one owner and is used from one thread at a time; it
/// is deliberately not `Sendable`. Opening it blocks on the disk, and so can any statement
/// (a busy database waits up to the busy timeout), so from async code reach it through a
/// ``DatabaseQueue``, which owns a connection on a dedicated serial queue, never from
/// Swift's cooperative pool. The file closes when the last reference to the connection
/// and to its statements goes away.
public final class SQLiteDatabase {
    let handle: OpaquePointer

    /// The path the connection was opened with.
    public let path: String

    /// Opens (creating if needed) the database at `path`, switches it to WAL mode and
    /// applies `configuration`. Throws if the file cannot be opened or WAL is refused.
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard let handle else {
            throw SQLiteError(extendedCode: status, message: "cannot allocate a connection for \(path)")
        }
        guard status == SQLITE_OK else {
            let error = SQLiteError(
                extendedCode: sqlite3_extended_errcode(handle),
                message: "cannot open \(path): \(String(cString: sqlite3_errmsg(handle)))")
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds = configuration.busyTimeout.components.seconds * 1000
            + configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))

        let journalMode = try prepare("PRAGMA journal_mode = WAL")
        let mode = try journalMode.step() ? journalMode.string(at: 0) : nil
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR, message: "\(path) refused WAL journal mode (got \(mode ?? "nothing"))",
                sql: "PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = \(configuration.synchronous.rawValue)")
        try execute("PRAGMA foreign_keys = \(configuration.enforcesForeignKeys ? "ON" : "OFF")")
        if let pages = configuration.maxPageCount { try execute("PRAGMA max_page_count = \(pages)") }
        if configuration.queryOnly { try execute("PRAGMA query_only = ON") }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs `body`, failing whatever statement is still running at `deadline` with
    /// `SQLITE_INTERRUPT` (SQLite asks every few thousand steps), so a long read such as an
    /// integrity check has a bounded time.
    public func stopping<Result>(at deadline: ContinuousClock.Instant, _ body: () throws -> Result) rethrows -> Result {
        var limit = deadline
        return try withUnsafeMutablePointer(to: &limit) { pointer in
            sqlite3_progress_handler(handle, 10_000, { context in
                guard let context else { return 0 }
                return ContinuousClock.now >= context.assumingMemoryBound(to: ContinuousClock.Instant.self).pointee ? 1 : 0
            }, pointer)
            defer { sqlite3_progress_handler(handle, 0, nil, nil) }
            return try body()
        }
    }

    /// Runs one or more `;`-separated SQL statements that take no parameters and return
    /// no rows you need (schema changes, pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(sql: sql) }
    }

    /// Runs one statement with `values` bound to its parameters (`?`, `?NNN`) in order,
    /// stepping it to completion and ignoring any rows.
    public func execute(_ sql: String, _ values: [SQLiteValue]) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Compiles one SQL statement for repeated binding and stepping.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK else { throw error(sql: sql) }
        guard let statement else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no statement in the SQL text", sql: sql)
        }
        return SQLiteStatement(database: self, handle: statement, sql: sql)
    }

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE` (taking the write lock up front,
    /// so the transaction cannot fail later with a busy upgrade), then `COMMIT` when `body`
    /// returns, or `ROLLBACK` and rethrow when it throws. Transactions do not nest.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try within("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`): its reads see one snapshot of the
    /// database, and in WAL mode writers on other connections go on meanwhile.
    public func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        try within("BEGIN DEFERRED", body)
    }

    private func within<Result>(_ begin: String, _ body: () throws -> Result) throws -> Result {
        try execute(begin)
        let result: Result
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); a second
            // ROLLBACK would then fail and hide the original error.
            if !isAutocommit {
                try? execute("ROLLBACK")
            }
            throw error
        }
        return result
    }

    /// The rowid of the most recent successful INSERT on this connection (0 if none).
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether no transaction is open.
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// The connection's current error as an ``SQLiteError``.
    func error(sql: String?) -> SQLiteError {
        SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
