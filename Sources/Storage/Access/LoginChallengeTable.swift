import PluginKit

/// One-time login codes (LOGIN-1) waiting to be entered: the code only as a salted hash,
/// with its expiry, the attempts made and when it was used.
public final class LoginChallengeTable: Sendable {
    /// One stored challenge.
    public struct Row: Sendable, Equatable {
        /// The challenge's random id, given to the client.
        public var id: String
        /// The company of the user logging in.
        public var tenant: String
        /// The user logging in.
        public var user: String
        /// The random salt of `codeHash`.
        public var salt: [UInt8]
        /// HMAC-SHA256 of the code keyed by the salt.
        public var codeHash: [UInt8]
        /// Milliseconds since 1970.
        public var createdAt: Int64
        /// Milliseconds since 1970; the code is refused from then on.
        public var expiresAt: Int64
        /// Wrong codes entered so far.
        public var attempts: Int
        /// When the right code was entered; nil while unused.
        public var usedAt: Int64?

        /// Creates a row.
        public init(
            id: String, tenant: String, user: String, salt: [UInt8], codeHash: [UInt8], createdAt: Int64, expiresAt: Int64,
            attempts: Int = 0, usedAt: Int64? = nil
        ) {
            self.id = id
            self.tenant = tenant
            self.user = user
            self.salt = salt
            self.codeHash = codeHash
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.attempts = attempts
            self.usedAt = usedAt
        }
    }

    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// Stores a new challenge and deletes challenges that expired before `purgeBefore`.
    public func insert(_ row: Row, purgeBefore: Int64) async throws {
        try await database.access { database in
            try database.transaction {
                try database.execute("DELETE FROM login_challenge WHERE expires_at < ?", [.integer(purgeBefore)])
                try database.execute(
                    """
                    INSERT INTO login_challenge (id, tenant, user_id, salt, code_hash, created_at, expires_at, attempts, used_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
                    """,
                    [.text(row.id), .text(row.tenant), .text(row.user), .blob(row.salt), .blob(row.codeHash),
                     .integer(row.createdAt), .integer(row.expiresAt), .integer(Int64(row.attempts))])
            }
        }
    }

    /// The challenge `id`, or nil.
    public func row(id: String) async throws -> Row? {
        try await database.access { database in
            let select = try database.prepare(
                "SELECT tenant, user_id, salt, code_hash, created_at, expires_at, attempts, used_at FROM login_challenge WHERE id = ?")
            try select.bind([.text(id)])
            guard try select.step() else { return nil }
            return try Self.challenge(id: id, select.namedRow())
        }
    }

    /// Counts an attempt on challenge `id` before its code is compared, in one statement, so
    /// concurrent guesses cannot share an attempt: returns the challenge with the attempt
    /// counted, or nil when it is unknown, used, expired at `now` or out of attempts (read
    /// ``row(id:)`` to tell which).
    public func takeAttempt(id: String, now: Int64, maximum: Int) async throws -> Row? {
        try await database.access { database in
            let update = try database.prepare("""
                UPDATE login_challenge SET attempts = attempts + 1
                WHERE id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                RETURNING tenant, user_id, salt, code_hash, created_at, expires_at, attempts
                """)
            try update.bind([.text(id), .integer(now), .integer(Int64(maximum))])
            guard try update.step() else { return nil }
            let row = try Self.challenge(id: id, update.namedRow())
            while try update.step() {}
            return row
        }
    }

    /// Marks an unused challenge used at `at`; false if it was already used (a replay that
    /// lost the race) or is gone.
    public func markUsed(id: String, at: Int64) async throws -> Bool {
        try await database.access { database in
            try database.execute("UPDATE login_challenge SET used_at = ? WHERE id = ? AND used_at IS NULL", [.integer(at), .text(id)])
            return database.changes == 1
        }
    }

    /// Challenge `id` from a row of its columns (`used_at` may be left out).
    private static func challenge(id: String, _ row: DatabaseRow) throws(PluginDatabaseError) -> Row {
        var usedAt: Int64?
        if row.columns.index(of: "used_at") != nil { usedAt = try row.get("used_at") }
        return Row(
            id: id, tenant: try row.get("tenant"), user: try row.get("user_id"), salt: try row.get("salt"), codeHash: try row.get("code_hash"),
            createdAt: try row.get("created_at"), expiresAt: try row.get("expires_at"), attempts: try row.get("attempts"), usedAt: usedAt)
    }
}
