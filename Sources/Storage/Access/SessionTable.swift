import PluginKit

/// Login sessions (LOGIN-1, LOGIN-2): the SHA-256 of each bearer token, never the token,
/// with its user, expiry and revocation.
public final class SessionTable: Sendable {
    /// One stored session.
    public struct Row: Sendable, Equatable {
        /// SHA-256 of the token.
        public var tokenHash: [UInt8]
        /// The user's company.
        public var tenant: String
        /// The user.
        public var user: String
        /// Milliseconds since 1970.
        public var createdAt: Int64
        /// Milliseconds since 1970; the token is refused from then on.
        public var expiresAt: Int64
        /// When it was revoked (logout); nil while valid.
        public var revokedAt: Int64?

        /// Creates a row.
        public init(tokenHash: [UInt8], tenant: String, user: String, createdAt: Int64, expiresAt: Int64, revokedAt: Int64? = nil) {
            self.tokenHash = tokenHash
            self.tenant = tenant
            self.user = user
            self.createdAt = createdAt
            self.expiresAt = expiresAt
            self.revokedAt = revokedAt
        }
    }

    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// Stores a new session and deletes sessions that ended before `purgeBefore`.
    public func insert(_ row: Row, purgeBefore: Int64) async throws {
        try await database.access { database in
            try database.transaction {
                try database.execute("DELETE FROM session WHERE expires_at < ?", [.integer(purgeBefore)])
                try database.execute(
                    "INSERT INTO session (token_hash, tenant, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)",
                    [.blob(row.tokenHash), .text(row.tenant), .text(row.user), .integer(row.createdAt), .integer(row.expiresAt)])
            }
        }
    }

    /// The session whose token hashes to `tokenHash`, or nil.
    public func row(tokenHash: [UInt8]) async throws -> Row? {
        try await database.access { database in
            let select = try database.prepare(
                "SELECT tenant, user_id, created_at, expires_at, revoked_at FROM session WHERE token_hash = ?")
            try select.bind([.blob(tokenHash)])
            guard try select.step() else { return nil }
            let row = select.namedRow()
            return Row(
                tokenHash: tokenHash, tenant: try row.get("tenant"), user: try row.get("user_id"), createdAt: try row.get("created_at"),
                expiresAt: try row.get("expires_at"), revokedAt: try row.get("revoked_at"))
        }
    }

    /// Revokes the session (LOGIN-2); false if it was already revoked or does not exist.
    public func revoke(tokenHash: [UInt8], at: Int64) async throws -> Bool {
        try await database.access { database in
            try database.execute("UPDATE session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL", [.integer(at), .blob(tokenHash)])
            return database.changes == 1
        }
    }

    /// Revokes every session of `user` (the user was removed or logged out everywhere);
    /// returns how many.
    public func revokeAll(tenant: String, user: String, at: Int64) async throws -> Int {
        try await database.access { database in
            try database.execute(
                "UPDATE session SET revoked_at = ? WHERE tenant = ? AND user_id = ? AND revoked_at IS NULL",
                [.integer(at), .text(tenant), .text(user)])
            return database.changes
        }
    }
}
