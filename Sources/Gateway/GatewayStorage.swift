import Foundation
import PluginKit
public import Storage

/// Everything the gateway keeps in its SQLite database, opened together: the event log, the
/// plugin delivery ledger, the plugins' key-value state and the API's access records. The `serve` process and the
/// `sentralbord plugins` commands open it the same way.
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
    /// The SMS ledger (GW-3), on the same connection as the plugin state.
    public let smsLedger: SQLiteSMSLedger

    /// Creates the data directory if needed, opens the database and brings its schema up to
    /// date.
    ///
    /// - Throws: `GatewayStartError` with code `.storage`, saying which step failed.
    public static func open(_ configuration: StorageConfiguration) async throws(GatewayStartError) -> GatewayStorage {
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw GatewayStartError(.storage, "cannot create the data directory \(configuration.dataDirectory): \(error.localizedDescription)")
        }
        let path = configuration.databasePath
        do {
            let log = try EventLog(path: path)
            // The ledger and plugin state commit without waiting for the disk (WAL with
            // synchronous = NORMAL): a process crash loses nothing, and a power cut can only
            // roll a cursor back, which means events are delivered again, never lost. The log
            // itself commits with synchronous = FULL.
            let database = try DatabaseQueue(path: path, configuration: SQLiteConfiguration(synchronous: .normal))
            // Only the log's writer checkpoints (automatically, inside its commits).
            try await database.access { try $0.execute("PRAGMA wal_autocheckpoint = 0") }
            return GatewayStorage(
                log: log, ledger: try await PluginDeliveryLedger(database: database),
                pluginState: try await PluginStateTable(database: database), database: database,
                access: try await AccessTables(database: database), idempotency: try await IdempotencyTable(database: database),
                pictures: try await ProfilePictureTable(database: database),
                smsLedger: try await SQLiteSMSLedger(database: database))
        } catch {
            throw GatewayStartError(.storage, "cannot open the database \(path): \(error)")
        }
    }

    /// The plugin host's view of this storage.
    public var pluginDeliveryStore: SQLitePluginDeliveryStore { SQLitePluginDeliveryStore(log: log, ledger: ledger) }

    /// Whether the database answers a query.
    public func isHealthy() async -> Bool {
        (try? await database.access { connection in try connection.prepare("SELECT 1").step() }) == true
    }
}
