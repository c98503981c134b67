import Dispatch

/// An ``SQLiteDatabase`` connection owned by a dedicated serial dispatch queue, for use from
/// async code: every access runs on that queue, one at a time and never on Swift's
/// cooperative pool, so a slow disk or a busy lock blocks only this queue.
public final class DatabaseQueue: Sendable {
    /// Holds the connection. Safe to share: the connection is touched only inside blocks
    /// running on `queue`, which is serial.
    private final class Connection: @unchecked Sendable {
        let database: SQLiteDatabase
        init(database: SQLiteDatabase) { self.database = database }
    }

    private let queue: DispatchQueue
    private let connection: Connection

    /// Opens the database at `path` (see ``SQLiteDatabase/init(path:configuration:)``). Opening
    /// blocks the caller on the disk: do it at start-up.
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws(SQLiteError) {
        connection = Connection(database: try SQLiteDatabase(path: path, configuration: configuration))
        queue = DispatchQueue(label: "sentralbord.sqlite.\(path)")
    }

    /// Runs `body` with the connection on the queue and returns its result. `body` must not
    /// keep the connection or its statements beyond the call.
    public func access<Result: Sendable>(
        _ body: @escaping @Sendable (SQLiteDatabase) throws -> Result
    ) async throws -> Result {
        let connection = self.connection
        let outcome: Swift.Result<Result, any Error> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Swift.Result { try body(connection.database) })
            }
        }
        return try outcome.get()
    }
}
