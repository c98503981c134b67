public import PluginKit
import Synchronization

/// A plugin's ``PluginDatabase`` in the gateway's SQLite file: one connection for writes and
/// a few read-only ones (`PRAGMA query_only`), each on its own serial queue. Every statement
/// of a plugin's body runs restricted to the plugin's table namespace
/// (``SQLiteDatabase/restricted(to:_:)``).
///
/// Writes commit with `synchronous = NORMAL` (as the gateway's other tables but the event
/// log): a process crash loses nothing committed; a power cut may lose the last commits.
public final class SQLitePluginDatabase: PluginDatabase {
    /// The tables this handle may touch.
    public let namespace: TableNamespace
    private let writer: DatabaseQueue
    private let readers: [DatabaseQueue]
    private let nextReader = Atomic<Int>(0)

    /// Opens connections to the database at `path` (whose schema is current) for the plugin
    /// whose tables are `namespace`'s: one writer and `readers` read-only connections.
    public init(path: String, namespace: TableNamespace, readers: Int = 2) throws(SQLiteError) {
        self.namespace = namespace
        writer = try DatabaseQueue(path: path, configuration: SQLiteConfiguration(synchronous: .normal))
        var opened: [DatabaseQueue] = []
        for _ in 0..<max(1, readers) {
            opened.append(try DatabaseQueue(path: path, configuration: SQLiteConfiguration(synchronous: .normal, queryOnly: true)))
        }
        self.readers = opened
    }

    /// Brings `schema` up to date in the database at `path` (with the gateway's own
    /// migrations, as the gateway would) and opens the plugin's handle: for tools and tests
    /// that use one plugin's tables without the gateway.
    ///
    /// - Throws: ``MigrationError`` or ``SQLiteError``; a namespace that is not lowercase
    ///   letters and digits is ``SQLiteError`` with code `misuse`.
    public static func open(path: String, kind: String, schema: PluginSchema) throws -> SQLitePluginDatabase {
        guard let namespace = TableNamespace(schema.namespace) else {
            throw SQLiteError(extendedCode: 21, message: "the table namespace \"\(schema.namespace)\" is not lowercase letters and digits")
        }
        try StorageSchema.migrate(SQLiteDatabase(path: path, configuration: SQLiteConfiguration(synchronous: .normal)), plugins: [(kind, schema)])
        return try SQLitePluginDatabase(path: path, namespace: namespace)
    }

    /// See ``PluginDatabase/read(_:)``.
    public func read<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseReader) throws -> Result) async throws -> Result {
        let reader = readers[nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count]
        let namespace = self.namespace
        return try await reader.access { database in
            try Self.translatingErrors {
                try database.readTransaction {
                    try database.restricted(to: namespace) { try body(SQLiteStatementRunner(database: database)) }
                }
            }
        }
    }

    /// See ``PluginDatabase/write(_:)``.
    public func write<Result: Sendable>(_ body: @escaping @Sendable (any DatabaseWriter) throws -> Result) async throws -> Result {
        let namespace = self.namespace
        return try await writer.access { database in
            try Self.translatingErrors {
                try database.transaction {
                    try database.restricted(to: namespace) { try body(SQLiteStatementRunner(database: database)) }
                }
            }
        }
    }

    /// Runs `body`, turning SQLite's errors into ``PluginDatabaseError`` (plugins do not see
    /// Storage's types); other errors (the plugin's own) pass through.
    private static func translatingErrors<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw error.extendedCode & 0xff == 23 ? PluginDatabaseError.notAuthorized(error.message) : PluginDatabaseError.failed(error.message)
        }
    }
}

/// Runs a plugin's statements on one connection inside the transaction its handle opened.
struct SQLiteStatementRunner: DatabaseWriter {
    let database: SQLiteDatabase

    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [DatabaseRow] {
        var rows: [DatabaseRow] = []
        try forEachRow(sql, arguments) { row in
            rows.append(row)
            return true
        }
        return rows
    }

    func forEachRow(_ sql: String, _ arguments: [DatabaseValue], _ body: (DatabaseRow) throws -> Bool) throws {
        let statement = try database.prepare(sql)
        try statement.bind(arguments)
        let count = statement.columnCount
        let columns = DatabaseColumns((0..<count).map(statement.columnName(at:)))
        while try statement.step() {
            guard try body(DatabaseRow(columns: columns, values: statement.row())) else { return }
        }
    }

    func execute(_ sql: String, _ arguments: [DatabaseValue]) throws {
        try database.execute(sql, arguments)
    }

    var changes: Int { database.changes }

    var lastInsertedRowID: Int64 { database.lastInsertRowID }
}
