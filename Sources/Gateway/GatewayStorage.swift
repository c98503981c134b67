import Foundation
public import PluginKit
public import Storage

/// Everything the gateway keeps in its SQLite database, opened together: the event log, the
/// plugin delivery ledger, the plugins' key-value state and the API's access records; and
/// each plugin kind's own tables (``pluginDatabase(kind:schema:)``). The `serve` process and
/// the `sentralbord` commands open it the same way, migrating it once, in one place.
public struct GatewayStorage: Sendable {
    /// The durable, ordered event log.
    public let log: EventLog
    /// Plugin cursors, statuses and dead letters.
    public let ledger: PluginDeliveryLedger
    /// Plugin instances' key-value state.
    public let pluginState: PluginStateTable
    /// A connection for health checks and small reads.
    public let database: DatabaseQueue
    /// Who may use the API: login codes, sessions, API keys.
    public let access: AccessTables
    /// Responses kept for `Idempotency-Key` retries.
    public let idempotency: IdempotencyTable
    /// Users' profile pictures.
    public let pictures: ProfilePictureTable
    /// The database file.
    public let path: String
    /// What `PRAGMA quick_check` found when the database was opened: empty when it said
    /// `ok` (or did not finish in ``checkAtOpenLimit``), else its first problems (at most ten).
    /// A damaged page is reported by health checks from then on; the gateway still serves what
    /// it can.
    public let problemsAtOpen: [String]
    /// Whether the check at open read the whole file within ``checkAtOpenLimit``.
    public let checkAtOpenCompleted: Bool

    /// The longest the check at open may take (it reads every page: about 2 ms per MB from the
    /// page cache, disk speed when cold); a larger file is checked in part, and
    /// `sentralbord check-storage` checks all of it.
    public static let checkAtOpenLimit = Duration.seconds(10)

    /// How the storage is, as `/healthz` reports it.
    public enum Health: Sendable, Equatable {
        /// The database answers, passed its check at open and takes writes.
        case ok
        /// The database answers, but its check at open found problems, or writes fail for a
        /// storage fault (the reason says which, with what to do).
        case degraded(String)
        /// The database does not answer a query.
        case unavailable
    }

    /// Creates the data directory if needed, opens the database and brings its schema up to
    /// date: the gateway's migrations and those of every plugin kind in `plugins`, in one pass
    /// (``StorageSchema/migrate(_:plugins:)``).
    ///
    /// - Throws: `GatewayStartError` with code `.storage`, saying which step failed.
    public static func open(
        _ configuration: StorageConfiguration, plugins: [any PluginFactory] = PluginRegistry.builtIn
    ) async throws(GatewayStartError) -> GatewayStorage {
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw GatewayStartError(.storage, "cannot create the data directory \(configuration.dataDirectory): \(error.localizedDescription)")
        }
        let path = configuration.databasePath
        do {
            try StorageSchema.migrate(
                SQLiteDatabase(path: path), plugins: plugins.compactMap { factory in factory.schema.map { (factory.kind, $0) } })
            let log = try EventLog(path: path)
            // The ledger and plugin state commit without waiting for the disk (WAL with
            // synchronous = NORMAL): a process crash loses nothing, and a power cut can only
            // roll a cursor back, which means events are delivered again, never lost. The log
            // itself commits with synchronous = FULL.
            let database = try DatabaseQueue(path: path, configuration: SQLiteConfiguration(synchronous: .normal))
            // Only the log's writer checkpoints (automatically, inside its commits).
            try await database.access { try $0.execute("PRAGMA wal_autocheckpoint = 0") }
            let (problems, completed) = try await Self.check(database, pragma: "quick_check(10)", within: Self.checkAtOpenLimit)
            return GatewayStorage(
                log: log, ledger: PluginDeliveryLedger(database: database), pluginState: PluginStateTable(database: database),
                database: database, access: AccessTables(database: database), idempotency: IdempotencyTable(database: database),
                pictures: ProfilePictureTable(database: database), path: path, problemsAtOpen: problems,
                checkAtOpenCompleted: completed)
        } catch {
            throw GatewayStartError(.storage, "cannot open the database \(path): \(error)")
        }
    }

    /// A plugin kind's handle to its own tables (migrated by ``open(_:plugins:)``).
    ///
    /// - Throws: `SQLiteError` when the connections cannot be opened, or when `schema`'s
    ///   namespace is not lowercase letters and digits.
    public func pluginDatabase(kind: String, schema: PluginSchema) throws -> SQLitePluginDatabase {
        guard let namespace = TableNamespace(schema.namespace) else {
            throw SQLiteError(extendedCode: 21, message: "plugin \(kind)'s table namespace \"\(schema.namespace)\" is not lowercase letters and digits")
        }
        return try SQLitePluginDatabase(path: path, namespace: namespace)
    }

    /// The plugin host's view of this storage.
    public var pluginDeliveryStore: SQLitePluginDeliveryStore { SQLitePluginDeliveryStore(log: log, ledger: ledger) }

    /// Whether the database answers a query.
    public func isHealthy() async -> Bool {
        (try? await database.access { connection in try connection.prepare("SELECT 1").step() }) == true
    }

    /// The storage's health: unavailable when the database does not answer, degraded when its
    /// check at open found problems or the event log's writes fail for a storage fault.
    public func health() async -> Health {
        guard await isHealthy() else { return .unavailable }
        if let fault = log.writeFault { return .degraded("writes fail: \(fault)") }
        if let first = problemsAtOpen.first {
            return .degraded("the database check at start found problems (\(first)); run `sentralbord check-storage`")
        }
        return .ok
    }

    /// The problems `PRAGMA integrity_check` finds (every page, index and constraint; on a
    /// large file this takes a while), at most 100; empty when it says `ok`.
    public func integrityProblems() async throws -> [String] {
        try await Self.check(database, pragma: "integrity_check(100)", within: nil).problems
    }

    /// The rows of a check pragma that are not `ok`, and whether it finished within `limit`.
    private static func check(
        _ database: DatabaseQueue, pragma: String, within limit: Duration?
    ) async throws -> (problems: [String], completed: Bool) {
        try await database.access { connection in
            var rows: [String] = []
            do {
                func read() throws {
                    let statement = try connection.prepare("PRAGMA \(pragma)")
                    while try statement.step() { rows.append(statement.string(at: 0) ?? "") }
                }
                if let limit { try connection.stopping(at: .now + limit, read) } else { try read() }
            } catch let error as SQLiteError where error.code == .interrupt {
                return (rows.filter { $0 != "ok" }, false)
            } catch let error as SQLiteError where error.code == .corrupt {
                // A page too damaged for the check to walk is itself the finding.
                rows.append(error.message)
            }
            return (rows == ["ok"] ? [] : rows, true)
        }
    }
}
