import PluginKit

/// Each plugin instance's delivery record: its cursor, its status (a JSON document the
/// plugin host defines) and its dead letters, written together so a status never disagrees
/// with its cursor.
///
/// Shares the database file with the ``EventLog`` on a connection of its own; another
/// process (the `sentralbord plugins` commands) may open it at the same time.
public final class PluginDeliveryLedger: Sendable {
    /// One event an instance gave up on.
    public struct DeadLetterRow: Sendable, Equatable {
        /// The event's log position.
        public var seq: Int64
        /// The event envelope as JSON.
        public var event: String
        /// The last error.
        public var reason: String
        /// Tries made.
        public var attempts: Int
        /// First try, milliseconds since 1970.
        public var firstAttemptAt: Int64
        /// Last try, milliseconds since 1970.
        public var lastAttemptAt: Int64

        /// Creates a row.
        public init(seq: Int64, event: String, reason: String, attempts: Int, firstAttemptAt: Int64, lastAttemptAt: Int64) {
            self.seq = seq
            self.event = event
            self.reason = reason
            self.attempts = attempts
            self.firstAttemptAt = firstAttemptAt
            self.lastAttemptAt = lastAttemptAt
        }
    }

    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// The saved cursor and status document of `instance`, or nil.
    public func status(of instance: String) async throws -> (cursor: Int64, status: String)? {
        try await database.access { database in
            let select = try database.prepare("""
                SELECT plugin_cursor.seq, plugin_status.status
                FROM plugin_status JOIN plugin_cursor USING (instance) WHERE instance = ?
                """)
            try select.bind([.text(instance)])
            guard try select.step() else { return nil }
            let row = select.namedRow()
            return (try row.get("seq"), try row.get("status"))
        }
    }

    /// Every instance's status document, by instance.
    public func statuses() async throws -> [String: String] {
        try await database.access { database in
            let select = try database.prepare("SELECT instance, status FROM plugin_status ORDER BY instance")
            var statuses: [String: String] = [:]
            while try select.step() {
                let row = select.namedRow()
                statuses[try row.get("instance")] = try row.get("status", as: String.self)
            }
            return statuses
        }
    }

    /// Saves the cursor and status of `instance`, and its new dead letters, in one
    /// transaction (durable as the connection's `synchronous` setting says).
    public func save(instance: String, cursor: Int64, status: String, deadLetters: [DeadLetterRow]) async throws {
        try await database.access { database in
            try database.transaction {
                try database.execute(
                    "INSERT INTO plugin_cursor (instance, seq) VALUES (?, ?) ON CONFLICT (instance) DO UPDATE SET seq = excluded.seq",
                    [.text(instance), .integer(cursor)])
                try database.execute(
                    "INSERT INTO plugin_status (instance, status) VALUES (?, ?) ON CONFLICT (instance) DO UPDATE SET status = excluded.status",
                    [.text(instance), .text(status)])
                for deadLetter in deadLetters {
                    try database.execute(
                        """
                        INSERT OR REPLACE INTO plugin_dead_letter
                            (instance, seq, event, reason, attempts, first_attempt_at, last_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                        [.text(instance), .integer(deadLetter.seq), .text(deadLetter.event), .text(deadLetter.reason),
                         .integer(Int64(deadLetter.attempts)), .integer(deadLetter.firstAttemptAt), .integer(deadLetter.lastAttemptAt)])
                }
            }
        }
    }

    /// The dead letters of `instance`, oldest event first.
    public func deadLetters(of instance: String) async throws -> [DeadLetterRow] {
        try await database.access { database in
            let select = try database.prepare("""
                SELECT seq, event, reason, attempts, first_attempt_at, last_attempt_at
                FROM plugin_dead_letter WHERE instance = ? ORDER BY seq
                """)
            try select.bind([.text(instance)])
            var rows: [DeadLetterRow] = []
            while try select.step() {
                let row = select.namedRow()
                rows.append(DeadLetterRow(
                    seq: try row.get("seq"), event: try row.get("event"), reason: try row.get("reason"), attempts: try row.get("attempts"),
                    firstAttemptAt: try row.get("first_attempt_at"), lastAttemptAt: try row.get("last_attempt_at")))
            }
            return rows
        }
    }

    /// Removes the dead letter of `instance` for the event at `seq`.
    public func removeDeadLetter(instance: String, seq: Int64) async throws {
        try await database.access { database in
            try database.execute("DELETE FROM plugin_dead_letter WHERE instance = ? AND seq = ?", [.text(instance), .integer(seq)])
        }
    }
}
