import PluginKit

/// API keys created through the API or the CLI: the SHA-256 of each key, never the key,
/// with its company, name and scopes.
public final class APIKeyTable: Sendable {
    /// One stored key.
    public struct Row: Sendable, Equatable {
        /// The key's public id (shown in lists, used to revoke it).
        public var id: String
        /// The company the key acts for.
        public var tenant: String
        /// What the key is for, e.g. `crm`.
        public var name: String
        /// SHA-256 of the key.
        public var keyHash: [UInt8]
        /// The scopes' names, e.g. `["read"]`.
        public var scopes: [String]
        /// Milliseconds since 1970.
        public var createdAt: Int64
        /// When it was revoked; nil while valid.
        public var revokedAt: Int64?

        /// Creates a row.
        public init(id: String, tenant: String, name: String, keyHash: [UInt8], scopes: [String], createdAt: Int64, revokedAt: Int64? = nil) {
            self.id = id
            self.tenant = tenant
            self.name = name
            self.keyHash = keyHash
            self.scopes = scopes
            self.createdAt = createdAt
            self.revokedAt = revokedAt
        }
    }

    private let database: DatabaseQueue
    private static let columns = "id, tenant, name, key_hash, scopes, created_at, revoked_at"

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// Stores a new key.
    public func insert(_ row: Row) async throws {
        try await database.access { database in
            try database.execute(
                "INSERT INTO api_key (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                [.text(row.id), .text(row.tenant), .text(row.name), .blob(row.keyHash), .text(row.scopes.joined(separator: " ")),
                 .integer(row.createdAt)])
        }
    }

    /// The key that hashes to `keyHash`, or nil.
    public func row(keyHash: [UInt8]) async throws -> Row? {
        try await rows("WHERE key_hash = ?", [.blob(keyHash)]).first
    }

    /// Every key of `tenant`, revoked ones included, oldest first.
    public func rows(tenant: String) async throws -> [Row] {
        try await rows("WHERE tenant = ? ORDER BY created_at, id", [.text(tenant)])
    }

    /// Revokes key `id` of `tenant`; false if there is no such unrevoked key.
    public func revoke(id: String, tenant: String, at: Int64) async throws -> Bool {
        try await database.access { database in
            try database.execute(
                "UPDATE api_key SET revoked_at = ? WHERE id = ? AND tenant = ? AND revoked_at IS NULL", [.integer(at), .text(id), .text(tenant)])
            return database.changes == 1
        }
    }

    private func rows(_ clause: String, _ values: [SQLiteValue]) async throws -> [Row] {
        try await database.access { database in
            let select = try database.prepare("SELECT \(Self.columns) FROM api_key \(clause)")
            try select.bind(values)
            var rows: [Row] = []
            while try select.step() {
                let row = select.namedRow()
                rows.append(Row(
                    id: try row.get("id"), tenant: try row.get("tenant"), name: try row.get("name"), keyHash: try row.get("key_hash"),
                    scopes: try row.get("scopes", as: String.self).split(separator: " ").map(String.init),
                    createdAt: try row.get("created_at"), revokedAt: try row.get("revoked_at")))
            }
            return rows
        }
    }
}
