/// A plugin's handle to its own tables (those its ``PluginSchema`` creates). The gateway
/// implements it on SQLite; the shape — closures given a reader or a writer, rows read by
/// column name — is the same a PostgreSQL backend would implement, so a plugin does not change
/// when the gateway's database does.
///
/// - `read` runs its body in one read-only transaction; reads may run at the same time as each
///   other and as a write (each sees the last committed state).
/// - `write` runs its body in one transaction, one write at a time; it commits when the body
///   returns and rolls back when it throws.
/// - Every statement may touch only the plugin's own tables: a statement naming another
///   plugin's or the gateway's table fails with ``PluginDatabaseError/notAuthorized(_:)``.
///
/// Bodies run on the database's own threads, not Swift's cooperative pool: keep them to SQL
/// and the decoding of rows.
public protocol PluginDatabase: Sendable {
    /// Runs `body` in one read-only transaction and returns its result.
    func read<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseReader) throws -> Result) async throws -> Result
    /// Runs `body` in one write transaction and returns its result once committed.
    func write<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseWriter) throws -> Result) async throws -> Result
}
