import PluginKit

/// Responses kept for `Idempotency-Key` retries: per company, caller and key, a fingerprint
/// of the request and the response it got, so a retried request gets the same answer
/// without acting twice.
public final class IdempotencyTable: Sendable {
    /// One kept response.
    public struct Row: Sendable, Equatable {
        /// The caller's company.
        public var tenant: String
        /// Who asked (a session's user or an API key's id).
        public var principal: String
        /// The client's `Idempotency-Key`.
        public var key: String
        /// SHA-256 of the method, path and body, to refuse the key on a different request.
        public var fingerprint: [UInt8]
        /// The response status.
        public var status: Int
        /// The response's `Content-Type`.
        public var contentType: String?
        /// The response body.
        public var body: [UInt8]
        /// Milliseconds since 1970.
        public var createdAt: Int64

        /// Creates a row.
        public init(
            tenant: String, principal: String, key: String, fingerprint: [UInt8], status: Int, contentType: String?, body: [UInt8],
            createdAt: Int64
        ) {
            self.tenant = tenant
            self.principal = principal
            self.key = key
            self.fingerprint = fingerprint
            self.status = status
            self.contentType = contentType
            self.body = body
            self.createdAt = createdAt
        }
    }

    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// The kept response for (`tenant`, `principal`, `key`) created at or after `notBefore`, or nil.
    public func row(tenant: String, principal: String, key: String, notBefore: Int64) async throws -> Row? {
        try await database.access { database in
            let select = try database.prepare("""
                SELECT fingerprint, status, content_type, body, created_at FROM idempotency_record
                WHERE tenant = ? AND principal = ? AND key = ? AND created_at >= ?
                """)
            try select.bind([.text(tenant), .text(principal), .text(key), .integer(notBefore)])
            guard try select.step() else { return nil }
            let row = select.namedRow()
            return Row(
                tenant: tenant, principal: principal, key: key, fingerprint: try row.get("fingerprint"), status: try row.get("status"),
                contentType: try row.get("content_type"), body: try row.get("body"), createdAt: try row.get("created_at"))
        }
    }

    /// Keeps a response, replacing an expired one under the same key, and deletes responses
    /// older than `purgeBefore`.
    public func save(_ row: Row, purgeBefore: Int64) async throws {
        try await database.access { database in
            try database.transaction {
                try database.execute("DELETE FROM idempotency_record WHERE created_at < ?", [.integer(purgeBefore)])
                try database.execute(
                    """
                    INSERT OR REPLACE INTO idempotency_record (tenant, principal, key, fingerprint, status, content_type, body, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(row.tenant), .text(row.principal), .text(row.key), .blob(row.fingerprint), .integer(Int64(row.status)),
                     row.contentType.map { .text($0) } ?? .null, .blob(row.body), .integer(row.createdAt)])
            }
        }
    }
}
